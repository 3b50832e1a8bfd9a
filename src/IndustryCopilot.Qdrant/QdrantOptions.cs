using System.Text.RegularExpressions;
using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Qdrant;

/// <summary>Where and how the Qdrant search index is kept. Bound from <c>Qdrant</c>; used when <c>Index:Provider</c> is <c>qdrant</c>.</summary>
public sealed partial class QdrantOptions : IValidatedOptions
{
    public const string Section = "Qdrant";

    /// <summary>Qdrant's gRPC endpoint (port 6334, not the REST port 6333). Default <c>http://localhost:6334</c>.</summary>
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>Qdrant's API key (<c>QDRANT__SERVICE__API_KEY</c> on the server); null when it has none. Use https when set outside one host.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The alias searches read. The collection behind it is named after the embedding model
    /// (<c>{Collection}__{model}__{dimension}</c>), so a model change builds a new collection and swaps the alias.
    /// Default <c>icp_chunks</c>.
    /// </summary>
    public string Collection { get; set; } = "icp_chunks";

    /// <summary>Points per upsert request. Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Retries of a request that failed transiently (unavailable, deadline, resource exhausted, aborted), with exponential backoff and jitter. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay in milliseconds; doubles each retry. Default 200.</summary>
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>Deadline of one request in seconds. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Shards of a new collection (spread over a cluster's nodes). Default 1.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>Copies of each shard in a cluster; 2 or more survives a node loss. Default 1.</summary>
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// Average word terms and grams per chunk, for BM25's length normalisation (Qdrant computes IDF, we compute the
    /// term-frequency part). Defaults 50 and 40, measured on the sample corpus.
    /// </summary>
    public double AverageTerms { get; set; } = 50;

    /// <summary>Average grams (Chinese bigrams, identifier pieces) per chunk, for BM25's length normalisation. Default 40.</summary>
    public double AverageGrams { get; set; } = 40;

    /// <summary>
    /// Whether this server pushes its catalog's changes to Qdrant. Exactly one server per alias should (the one that
    /// indexes): the sync also removes documents its catalog does not hold. Query-only replicas set false. Default true.
    /// </summary>
    public bool Sync { get; set; } = true;

    /// <summary>Keep the previous model's collection after the alias moves (to roll back by hand). Default false.</summary>
    public bool KeepPreviousCollection { get; set; }

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"Qdrant:Url must be an http or https URL of Qdrant's gRPC port (e.g. http://qdrant:6334), not '{Url}'";
        }

        if (!CollectionName().IsMatch(Collection))
        {
            yield return $"Qdrant:Collection must be 1–60 letters, digits, '_' or '-', not '{Collection}'";
        }

        if (BatchSize is < 1 or > 10_000 || MaxRetries is < 0 or > 10 || RetryDelayMilliseconds is < 1 or > 60_000 || TimeoutSeconds is < 1 or > 3600)
        {
            yield return "Qdrant: BatchSize 1–10000, MaxRetries 0–10, RetryDelayMilliseconds 1–60000 and TimeoutSeconds 1–3600 are required";
        }

        if (Shards is < 1 or > 1000 || ReplicationFactor is < 1 or > 100 || AverageTerms <= 0 || AverageGrams <= 0)
        {
            yield return "Qdrant: Shards 1–1000, ReplicationFactor 1–100 and positive AverageTerms/AverageGrams are required";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex CollectionName();
}
