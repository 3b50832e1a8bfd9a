using System.Diagnostics;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Retrieval.Fusion;
using IndustryCopilot.Core.Retrieval.Lanes;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Reranking;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>
/// Hybrid search over the embedded index: analyse the query once, run the requested lanes with the caller's filter
/// inside each lane's query, fuse by weighted reciprocal rank, optionally rerank. Not thread-safe (one index connection).
/// </summary>
public sealed class HybridRetriever
{
    private const int NamedDocumentCandidates = 3;
    private readonly SqliteIndex _index;
    private readonly RetrievalOptions _options;
    private readonly Glossary _glossary;
    private readonly DenseLane? _dense;
    private readonly LexicalLane _lexical;
    private readonly IdentifierLane _identifier;
    private readonly IReranker? _reranker;
    private readonly QueryEmbeddingCache _embeddings;
    private readonly GenerationCache<(DocumentCatalog Catalog, Dictionary<string, DocumentInfo> Documents)> _catalog;

    public HybridRetriever(SqliteIndex index, RetrievalOptions options, Glossary glossary, TextEmbedder? embedder = null, IReranker? reranker = null)
    {
        options.Validate();
        _index = index;
        _options = options;
        _glossary = glossary;
        _dense = embedder is null ? null : new DenseLane(index, embedder);
        _lexical = new LexicalLane(index, options);
        _identifier = new IdentifierLane(index, _lexical);
        _reranker = reranker;
        _embeddings = new QueryEmbeddingCache(options.QueryEmbeddingCacheSize);
        _catalog = new(index, () =>
        {
            var documents = index.ListDocuments();
            return (new DocumentCatalog(documents), documents.ToDictionary(d => d.Id));
        });
    }

    public SqliteIndex Index => _index;

    public Glossary Glossary => _glossary;

    /// <summary>
    /// The query's vector for the dense lane, or null when the lane does not apply (no embedder, or a language it
    /// does not cover). Thread-safe and without index access: the one part of a search worth running concurrently.
    /// </summary>
    public float[]? EmbedQuery(string query)
    {
        if (_dense is null)
        {
            return null;
        }

        var language = Ingestion.Metadata.LanguageDetector.Detect(query);
        var dense = _dense;
        return dense.Embedder.Supports(language == DocumentLanguage.Unknown ? DocumentLanguage.En : language) ? _embeddings.GetOrAdd(query, q => dense.Embedder.Embed([q])[0]) : null;
    }

    public SearchResponse Search(SearchRequest request)
    {
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var (catalog, documents) = _catalog.Value;
        var allowed = _index.AllowedDocuments(request.Filter);
        var query = QueryAnalyzer.Analyze(request.Query, _glossary, catalog, allowed);
        var plan = _lexical.Plan(query);
        Lap(timings, "analyze", clock);

        var pool = Math.Max(_options.CandidatesPerLane, request.K);
        var lanes = new Dictionary<SearchLane, IReadOnlyList<ChunkScore>>();
        if (request.Lanes.HasFlag(SearchLanes.Lexical))
        {
            lanes[SearchLane.Lexical] = _lexical.Search(plan, allowed, pool);
            Lap(timings, "lexical", clock);
        }

        if (request.Lanes.HasFlag(SearchLanes.Dense) && _dense is not null && _dense.Applies(query))
        {
            var vector = request.QueryVector ?? EmbedQuery(request.Query)!;
            Lap(timings, "embed", clock);
            lanes[SearchLane.Dense] = _dense.Search(vector, allowed, pool);
            Lap(timings, "dense", clock);
        }

        if (request.Lanes.HasFlag(SearchLanes.Identifier))
        {
            var hits = _identifier.Search(query, plan, request.Filter, allowed, pool);
            if (hits.Count > 0)
            {
                lanes[SearchLane.Identifier] = hits;
            }

            // The head of the BM25 ranking within the documents the question names: a hint, not proof, and only the
            // head, since the question may also need a document it does not name.
            var named = query.Mentions.Select(m => m.DocumentId).Where(allowed.Contains).ToHashSet(StringComparer.Ordinal);
            if (named.Count > 0)
            {
                lanes[SearchLane.NamedDocument] = _lexical.Search(plan, named, NamedDocumentCandidates * named.Count);
            }

            Lap(timings, "identifier", clock);
        }

        var fused = ReciprocalRankFusion.Fuse(lanes, _options.Weight, _options.RrfK);
        var top = fused.Take(_reranker is null ? request.K : Math.Max(request.K, pool)).ToList();
        var chunks = _index.GetChunksByRowId(top.Select(t => t.RowId).ToList()).ToDictionary(c => c.RowId);
        var hitsOut = new List<RetrievedChunk>(top.Count);
        foreach (var (row, score) in top)
        {
            if (chunks.TryGetValue(row, out var chunk) && documents.TryGetValue(chunk.Chunk.DocumentId, out var document))
            {
                hitsOut.Add(new RetrievedChunk(chunk.Chunk, document, score, LaneRanks(lanes, row)) { RowId = row });
            }
        }

        IReadOnlyList<RetrievedChunk> result = hitsOut;
        if (_reranker is not null)
        {
            result = _reranker.Rerank(query, hitsOut).Take(request.K).ToList();
            Lap(timings, "rerank", clock);
        }

        Lap(timings, "fuse", clock);
        timings["total"] = timings.Values.Sum();
        return new SearchResponse(query, result, lanes.Keys.ToList(), timings);
    }

    /// <summary>The document by id, from the retriever's cached catalog.</summary>
    public DocumentInfo? Document(string id) => _catalog.Value.Documents.GetValueOrDefault(id);

    private static Dictionary<SearchLane, (int, double)> LaneRanks(Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, long row)
    {
        var ranks = new Dictionary<SearchLane, (int, double)>();
        foreach (var (lane, hits) in lanes)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                if (hits[i].RowId == row)
                {
                    ranks[lane] = (i + 1, hits[i].Score);
                    break;
                }
            }
        }

        return ranks;
    }

    private static void Lap(Dictionary<string, double> timings, string stage, Stopwatch clock)
    {
        timings[stage] = timings.GetValueOrDefault(stage) + clock.Elapsed.TotalMilliseconds;
        RetrievalMetrics.Record(stage, clock.Elapsed.TotalMilliseconds);
        clock.Restart();
    }
}
