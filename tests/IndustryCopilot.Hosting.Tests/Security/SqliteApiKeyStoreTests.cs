using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Hosting.Tests.Security;

/// <summary>The key contract over <c>keys.db</c> in a data directory.</summary>
public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract, IDisposable
{
    private readonly TempDirectory _data = new();

    protected override string? Unavailable => null;

    public void Dispose() => _data.Dispose();

    protected override Task<IApiKeyStore> OpenAsync() => Task.FromResult<IApiKeyStore>(new SqliteApiKeyStore(_data.Path, Time));

    protected override Task<string> StoredTextAsync() =>
        Task.FromResult(string.Concat(Directory.GetFiles(_data.Path, "keys.db*").Select(f => File.ReadAllText(f, System.Text.Encoding.Latin1))));
}
