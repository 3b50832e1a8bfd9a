using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Retrieval.Fusion;
using IndustryCopilot.Core.Retrieval.Lanes;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Reranking;
using IndustryCopilot.Core.Retrieval.Translation;
using IndustryCopilot.Core.Settings;

using IndustryCopilot.Core.Tracing;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>
/// Hybrid search: analyse and plan the query once against the catalog, let the search index run the lexical, dense
/// and identifier lanes with the caller's filter inside each lane's query, add the catalog's clause and
/// named-document lanes, fuse by weighted reciprocal rank, optionally rerank. Thread-safe: concurrent searches run in
/// parallel (the catalog reads on its own connections, the caches rebuild once per catalog change), and a search index
/// that answers over the network (Qdrant) holds up only the search waiting for it.
/// </summary>
public sealed class HybridRetriever
{
    private readonly SqliteIndex _index;
    private readonly ISearchIndex _search;
    private readonly RetrievalOptions _options;
    private readonly Glossary _glossary;
    private readonly TextEmbedder? _embedder;
    private readonly LexicalPlanner _planner;
    private readonly ClauseLane _clauses;
    private readonly IReranker? _reranker;
    private readonly IReadOnlyList<IRankingLane> _rankings;
    private readonly QueryTranslator? _translator;
    private readonly QueryEmbeddingCache _embeddings;
    private readonly LaneFusion _fusion;
    private readonly LaneSearch _lanes;
    private readonly GenerationCache<(DocumentCatalog Catalog, Dictionary<string, DocumentInfo> Documents)> _catalog;

    /// <summary>Search over the embedded index (the catalog is also the search index).</summary>
    public HybridRetriever(SqliteIndex index, RetrievalOptions options, Glossary glossary, TextEmbedder? embedder = null, IReranker? reranker = null, IReadOnlyList<IRankingLane>? rankings = null, QueryTranslator? translator = null)
        : this(index, new EmbeddedSearchIndex(index, embedder is null ? null : new VectorModel(embedder.ModelId, embedder.Dimension)), options, glossary, embedder, reranker, rankings, translator)
    {
    }

    /// <summary>
    /// Search with the lanes in <paramref name="search"/> (e.g. Qdrant) and the catalog in <paramref name="index"/>,
    /// plus <paramref name="rankings"/> run beside them (e.g. the Lucene Chinese lane) and fused with them, and the
    /// translated lane when a <paramref name="translator"/> is given and the catalog holds both languages.
    /// </summary>
    public HybridRetriever(SqliteIndex index, ISearchIndex search, RetrievalOptions options, Glossary glossary, TextEmbedder? embedder = null, IReranker? reranker = null, IReadOnlyList<IRankingLane>? rankings = null, QueryTranslator? translator = null)
    {
        options.Validate();
        _index = index;
        _search = search;
        _options = options;
        _glossary = glossary;
        _embedder = embedder;
        _planner = new LexicalPlanner(index, options);
        _clauses = new ClauseLane(index);
        _reranker = reranker;
        _rankings = rankings ?? [];
        _translator = translator;
        _embeddings = new QueryEmbeddingCache(options.QueryEmbeddingCacheSize);
        _fusion = new LaneFusion(index, options);
        _lanes = new LaneSearch(index, search, options, _planner, _fusion);
        _catalog = new(index, () =>
        {
            var documents = index.ListDocuments();
            return (new DocumentCatalog(documents), documents.ToDictionary(d => d.Id));
        });
    }

    public SqliteIndex Index => _index;

    /// <summary>Where the lanes run: <c>embedded</c> or <c>qdrant</c>.</summary>
    public ISearchIndex SearchIndex => _search;

    public Glossary Glossary => _glossary;

    /// <summary>The translator of the translated lane; null when the lane is off.</summary>
    public QueryTranslator? Translator => _translator;

    /// <summary>
    /// The language a question in <paramref name="language"/> is translated into for the documents in
    /// <paramref name="allowed"/>, or null when they hold no document in the other language.
    /// </summary>
    public DocumentLanguage? TranslationTarget(DocumentLanguage language, IReadOnlySet<string> allowed)
    {
        if (_translator is null || _options.TranslatedWeight <= 0)
        {
            return null;
        }

        var target = language is DocumentLanguage.Zh or DocumentLanguage.Mixed ? DocumentLanguage.En : DocumentLanguage.Zh;
        var documents = _catalog.Value.Documents;
        foreach (var id in allowed)
        {
            if (documents.TryGetValue(id, out var document) && LaneFusion.Speaks(document.Language, target))
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>
    /// The query's vector for the dense lane, or null when the lane does not apply (no embedder, or a language it
    /// does not cover). Thread-safe and without index access: the one part of a search worth running concurrently.
    /// </summary>
    public async Task<float[]?> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var language = Ingestion.Metadata.LanguageDetector.Detect(query);
        if (_embedder is not { } embedder || !embedder.Supports(language == DocumentLanguage.Unknown ? DocumentLanguage.En : language))
        {
            return null;
        }

        return await _embeddings.GetOrAddAsync(query, async (q, ct) => (await embedder.EmbedAsync([q], ct).ConfigureAwait(false))[0], cancellationToken).ConfigureAwait(false);
    }

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        using var stages = new StageTimer("search");
        var timings = stages.Timings;
        var (catalog, documents) = _catalog.Value;
        var allowed = _index.AllowedDocuments(request.Filter);
        var query = QueryAnalyzer.Analyze(request.Query, _glossary, catalog, allowed);
        var plan = _planner.Plan(query);
        if (TranslationTarget(query.Language, allowed) is { } target)
        {
            query = query with { Translation = _translator!.Translate(request.Query, target, query.Terms, request.ModelTranslation, _index.DocumentFrequencies) };
        }

        Lap(stages, "analyze");

        var pool = Math.Max(_options.CandidatesPerLane, request.K);
        float[]? vector = null;
        if (request.Lanes.HasFlag(SearchLanes.Dense) && _embedder is not null && _embedder.Supports(query.Language))
        {
            vector = request.QueryVector ?? await EmbedQueryAsync(request.Query, cancellationToken).ConfigureAwait(false);
            Lap(stages, "embed");
        }

        var lanes = await IndexLanesAsync(request, query, plan, vector, allowed, pool, stages, cancellationToken).ConfigureAwait(false);
        await AddLexicalHintsAsync(lanes, request, query, plan, catalog, documents, allowed, pool, stages, cancellationToken).ConfigureAwait(false);
        if (request.Lanes.HasFlag(SearchLanes.Ranking))
        {
            foreach (var ranking in _rankings.Where(r => r.Applies(query) && _options.Weight(r.Lane) > 0))
            {
                lanes[ranking.Lane] = ranking.Search(query, allowed, pool);
                Lap(stages, ranking.Lane.ToString().ToLowerInvariant());
            }
        }

        var fused = _fusion.Fuse(lanes, query, documents, stage => Lap(stages, stage));
        var hitsOut = Hits(fused.Take(_reranker is null ? request.K : Math.Max(request.K, pool)).ToList(), lanes, documents);
        IReadOnlyList<RetrievedChunk> result = hitsOut;
        if (_reranker is not null)
        {
            result = _reranker.Rerank(query, hitsOut).Take(request.K).ToList();
            Lap(stages, "rerank");
        }

        Lap(stages, "fuse");
        timings["total"] = timings.Values.Sum();
        return new SearchResponse(query, result, lanes.Keys.ToList(), timings);
    }

    /// <summary>The document by id, from the retriever's cached catalog.</summary>
    public DocumentInfo? Document(string id) => _catalog.Value.Documents.GetValueOrDefault(id);

    // The search index's lanes in one query (lexical, dense, codes), then the catalog's exact clauses with the codes and
    // the head of each document the question names.
    private async Task<Dictionary<SearchLane, IReadOnlyList<ChunkScore>>> IndexLanesAsync(SearchRequest request, AnalyzedQuery query, LexicalPlan plan, float[]? vector, IReadOnlySet<string> allowed, int pool, StageTimer stages, CancellationToken cancellationToken)
    {
        var scoped = ClauseLane.Scope(request.Filter, query.Mentions);
        var found = await _lanes.RunAsync(new IndexQuery
        {
            Terms = plan.Terms,
            Grams = plan.Grams,
            Vector = vector,
            IdentifierGroups = request.Lanes.HasFlag(SearchLanes.Identifier)
                ? query.Identifiers.Where(i => i.Kind != IdentifierKind.Clause).GroupBy(i => i.Group).Select(g => (IReadOnlyList<string>)g.Select(i => i.Term).ToList()).ToList()
                : [],
            Filter = request.Filter,
            IdentifierFilter = scoped,
            Lanes = request.Lanes,
            K = pool,
        }, cancellationToken).ConfigureAwait(false);
        Lap(stages, "index");

        var lanes = new Dictionary<SearchLane, IReadOnlyList<ChunkScore>>();
        foreach (var (lane, hits) in found.Lanes.Where(l => l.Key != SearchLane.Identifier))
        {
            lanes[lane] = _lanes.ToRows(hits, allowed);
        }

        if (request.Lanes.HasFlag(SearchLanes.Identifier))
        {
            // Exact clauses first, then the chunks holding every code the query names.
            var codes = found.Lanes.GetValueOrDefault(SearchLane.Identifier) ?? [];
            var identifier = _clauses.Search(query, scoped).Concat(_lanes.ToRows(codes, allowed).Select(c => c.RowId)).Distinct().Take(pool).ToList();
            if (identifier.Count > 0)
            {
                lanes[SearchLane.Identifier] = identifier.Select((row, i) => new ChunkScore(row, identifier.Count - i)).ToList();
            }

            if (await _lanes.NamedDocumentAsync(request, query, plan, allowed, cancellationToken).ConfigureAwait(false) is { } named)
            {
                lanes[SearchLane.NamedDocument] = named;
            }

            Lap(stages, "identifier");
        }

        return lanes;
    }

    // The lexical lanes that look at the ranking from another side: penalty articles, the question's parts, the
    // question's words in the other language.
    private async Task AddLexicalHintsAsync(Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, SearchRequest request, AnalyzedQuery query, LexicalPlan plan, DocumentCatalog catalog, Dictionary<string, DocumentInfo> documents, IReadOnlySet<string> allowed, int pool, StageTimer stages, CancellationToken cancellationToken)
    {
        if (!request.Lanes.HasFlag(SearchLanes.Lexical))
        {
            return;
        }

        if (_options.PenaltyWeight > 0 && PenaltyIntent.Asks(request.Query))
        {
            if (await _lanes.PenaltyAsync(request, plan, allowed, pool, cancellationToken).ConfigureAwait(false) is { Count: > 0 } penalty)
            {
                lanes[SearchLane.Penalty] = penalty;
            }

            Lap(stages, "penalty");
        }

        if (_options.PartsWeight > 0 && QuestionParts.Split(request.Query) is { Count: > 0 } parts)
        {
            lanes[SearchLane.Parts] = await _lanes.PartsAsync(request, parts, _glossary, catalog, allowed, pool, cancellationToken).ConfigureAwait(false);
            Lap(stages, "parts");
        }

        if (query.Translation is { } translation && translation.Groups() is { Count: > 0 } groups)
        {
            if (await _lanes.TranslatedAsync(request, groups, translation.To, allowed, pool, documents, cancellationToken).ConfigureAwait(false) is { Count: > 0 } translated)
            {
                lanes[SearchLane.Translated] = translated;
            }

            Lap(stages, "translated");
        }
    }

    // The fused rows as chunks with their documents and the rank each lane gave them; a row the catalog no longer holds is dropped.
    private List<RetrievedChunk> Hits(List<(long RowId, double Score)> top, Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, Dictionary<string, DocumentInfo> documents)
    {
        var chunks = _index.GetChunksByRowId(top.Select(t => t.RowId).ToList()).ToDictionary(c => c.RowId);
        var hits = new List<RetrievedChunk>(top.Count);
        foreach (var (row, score) in top)
        {
            if (chunks.TryGetValue(row, out var chunk) && documents.TryGetValue(chunk.Chunk.DocumentId, out var document))
            {
                hits.Add(new RetrievedChunk(chunk.Chunk, document, score, LaneRanks(lanes, row)) { RowId = row });
            }
        }

        return hits;
    }

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

    private static void Lap(StageTimer stages, string stage) => RetrievalMetrics.Record(stage, stages.Lap(stage));
}
