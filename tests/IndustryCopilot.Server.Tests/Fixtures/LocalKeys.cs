using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// Keys in a data directory's <c>keys.db</c>, as <c>icp keys</c> makes them beside a running server. The SQLite store
/// answers from a local file without waiting, so its tasks are complete on return and the many tests that make a key
/// read them directly; a store that would wait fails here.
/// </summary>
internal static class LocalKeys
{
    public static (string Key, ApiKey Record) Add(string dataDirectory, string name, ApiKeyRole role, IEnumerable<string> groups, bool allGroups = false)
    {
        using var keys = new SqliteApiKeyStore(dataDirectory);
        return Completed(keys.AddAsync(name, role, groups, allGroups));
    }

    public static ApiKey? Find(string dataDirectory, string key)
    {
        using var keys = new SqliteApiKeyStore(dataDirectory);
        return Completed(keys.FindAsync(key));
    }

    private static T Completed<T>(Task<T> task)
    {
        Assert.True(task.IsCompleted, "the SQLite key store answered without waiting");
        return task.GetAwaiter().GetResult();
    }
}
