using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Qdrant;

namespace IndustryCopilot.IndexContract.Tests;

/// <summary>
/// The contract on a real Qdrant: runs when <c>ICP_QDRANT_URL</c> names one (gRPC port, e.g. http://localhost:6334;
/// <c>ICP_QDRANT_API_KEY</c> if it has a key), and is reported as skipped otherwise. Each test uses its own alias and
/// drops its collections afterwards.
/// </summary>
public sealed class QdrantSearchIndexContractTests : SearchIndexContract
{
    public const string SkipReason = "ICP_QDRANT_URL is not set: no Qdrant server to run the index contract against (set it to Qdrant's gRPC URL, e.g. http://localhost:6334)";

    private static readonly string? Url = Environment.GetEnvironmentVariable("ICP_QDRANT_URL");
    private readonly string _alias = "icp_contract_" + Guid.NewGuid().ToString("N")[..12];

    protected override ISearchIndex Open(VectorModel? model)
    {
        Skip.If(string.IsNullOrWhiteSpace(Url), SkipReason);
        var options = Options();
        return new QdrantSearchIndex(QdrantSearchIndex.Connect(options), options, model);
    }

    protected override void Cleanup()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            return;
        }

        using var client = QdrantSearchIndex.Connect(Options());
        foreach (var collection in client.ListCollectionsAsync().GetAwaiter().GetResult().Where(c => c.StartsWith(_alias, StringComparison.Ordinal)))
        {
            client.DeleteCollectionAsync(collection).GetAwaiter().GetResult();
        }
    }

    private QdrantOptions Options() => new() { Url = Url!, ApiKey = Environment.GetEnvironmentVariable("ICP_QDRANT_API_KEY"), Collection = _alias, MaxRetries = 2 };
}
