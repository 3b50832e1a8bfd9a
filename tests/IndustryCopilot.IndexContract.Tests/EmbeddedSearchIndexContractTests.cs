using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.IndexContract.Tests;

/// <summary>The contract on the embedded index: a fresh SQLite file per test, always run.</summary>
public sealed class EmbeddedSearchIndexContractTests : SearchIndexContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "icp-embedded-contract-" + Guid.NewGuid().ToString("N"));

    protected override ISearchIndex Open(VectorModel? model) =>
        new EmbeddedSearchIndex(new SqliteIndex(new IndexOptions { DataDirectory = _directory }), model, ownsCatalog: true);

    protected override void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
