namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>Finds <c>../shared/eval</c> beside the repository; tests that need it skip with the reason when it is absent.</summary>
internal static class EvalData
{
    public static string? Root { get; } = Find();

    public static string RepositoryRoot { get; } = FindRepository();

    public static string Path(params string[] parts)
    {
        Skip.If(Root is null, "../shared/eval (the shared evaluation documents) is not present beside the repository");
        return System.IO.Path.Combine([Root!, .. parts]);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "IndustryCopilot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (IndustryCopilot.sln) not found above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(FindRepository(), "..", "shared", "eval"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
