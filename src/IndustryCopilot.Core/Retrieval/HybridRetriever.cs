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
    private const int NamedDocumentCandidates = 3;
    private const int PenaltyDepth = 4;
    private const int PenaltyHead = 3;
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
            if (documents.TryGetValue(id, out var document) && Speaks(document.Language, target))
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

        var scoped = ClauseLane.Scope(request.Filter, query.Mentions);
        var found = await RunAsync(new IndexQuery
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
            lanes[lane] = ToRows(hits, allowed);
        }

        if (request.Lanes.HasFlag(SearchLanes.Identifier))
        {
            // Exact clauses first, then the chunks holding every code the query names.
            var codes = found.Lanes.GetValueOrDefault(SearchLane.Identifier) ?? [];
            var identifier = _clauses.Search(query, scoped).Concat(ToRows(codes, allowed).Select(c => c.RowId)).Distinct().Take(pool).ToList();
            if (identifier.Count > 0)
            {
                lanes[SearchLane.Identifier] = identifier.Select((row, i) => new ChunkScore(row, identifier.Count - i)).ToList();
            }

            // The head of the BM25 ranking within each document the question names, taken in turns: a hint, not
            // proof, and only the head, since the question may also need a document it does not name. Per document,
            // so that a question naming two laws gets the head of each, not six passages of the one with more matches.
            var named = query.Mentions.Select(m => m.DocumentId).Where(allowed.Contains).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count > 0)
            {
                var heads = new List<IReadOnlyList<ChunkScore>>(named.Count);
                foreach (var id in named)
                {
                    var head = await RunAsync(new IndexQuery { Terms = plan.Terms, Grams = plan.Grams, Filter = request.Filter with { DocumentIds = [id] }, Lanes = SearchLanes.Lexical, K = NamedDocumentCandidates }, cancellationToken).ConfigureAwait(false);
                    heads.Add(ToRows(head.Lanes.Values.FirstOrDefault() ?? [], allowed));
                }

                lanes[SearchLane.NamedDocument] = TakingTurns.Merge(heads, NamedDocumentCandidates * named.Count);
            }

            Lap(stages, "identifier");
        }

        if (request.Lanes.HasFlag(SearchLanes.Lexical) && _options.PenaltyWeight > 0 && PenaltyIntent.Asks(request.Query))
        {
            // The penalty chapter's articles rarely lead the whole ranking: look deeper into it. A rule's penalty is in
            // its own law's liability chapter, so take the documents in the order the question's words rank them and
            // the best penalty article of each. Only the head, as a hint: with the whole ranking fused, every passage
            // of the head was a penalty article and the rule the question is also about fell out of it.
            var wide = await RunAsync(new IndexQuery { Terms = plan.Terms, Grams = plan.Grams, Filter = request.Filter, Lanes = SearchLanes.Lexical, K = pool * PenaltyDepth }, cancellationToken).ConfigureAwait(false);
            var rows = ToRows(wide.Lanes.Values.FirstOrDefault() ?? [], allowed);
            var penalty = PenaltyHeads.Of(rows, _index.PlacesOf(rows.Select(r => r.RowId).ToList()), PenaltyHead);
            if (penalty.Count > 0)
            {
                lanes[SearchLane.Penalty] = penalty;
            }

            Lap(stages, "penalty");
        }

        if (request.Lanes.HasFlag(SearchLanes.Lexical) && _options.PartsWeight > 0)
        {
            var parts = QuestionParts.Split(request.Query);
            if (parts.Count > 0)
            {
                var rankings = new List<IReadOnlyList<ChunkScore>>(parts.Count);
                foreach (var part in parts)
                {
                    var partPlan = _planner.Plan(QueryAnalyzer.Analyze(part, _glossary, catalog, allowed));
                    var hits = await RunAsync(new IndexQuery { Terms = partPlan.Terms, Grams = partPlan.Grams, Filter = request.Filter, Lanes = SearchLanes.Lexical, K = pool }, cancellationToken).ConfigureAwait(false);
                    rankings.Add(ToRows(hits.Lanes.Values.FirstOrDefault() ?? [], allowed));
                }

                lanes[SearchLane.Parts] = TakingTurns.Merge(rankings, pool);
                Lap(stages, "parts");
            }
        }

        if (request.Lanes.HasFlag(SearchLanes.Lexical) && query.Translation?.Groups() is { Count: > 0 } groups)
        {
            // The lane speaks for the other language only: its kept codes and Latin words would otherwise rank the
            // question's own-language passages a second time, weighted as the other language's voice.
            var translated = await RunAsync(new IndexQuery { TermGroups = groups, Filter = request.Filter, Lanes = SearchLanes.Lexical, K = pool }, cancellationToken).ConfigureAwait(false);
            var to = query.Translation.To;
            var rows = ToRows(translated.Lanes.Values.FirstOrDefault() ?? [], allowed).Where(h => Speaks(LanguageOf(h.RowId, documents), to)).ToList();
            if (rows.Count > 0)
            {
                lanes[SearchLane.Translated] = rows;
            }

            Lap(stages, "translated");
        }

        if (request.Lanes.HasFlag(SearchLanes.Ranking))
        {
            foreach (var ranking in _rankings.Where(r => r.Applies(query) && _options.Weight(r.Lane) > 0))
            {
                lanes[ranking.Lane] = ranking.Search(query, allowed, pool);
                Lap(stages, ranking.Lane.ToString().ToLowerInvariant());
            }
        }

        // Passages that address an assistant are data nobody has reviewed: they take no place in any answer, quote,
        // suggestion or closest-passages list until an admin releases their document.
        var held = _index.HeldRows();
        var weight = _options.Weight;
        if (query.Translation is { } translation && lanes.ContainsKey(SearchLane.Translated))
        {
            // In a document of the other language the question's own words can only have met its Latin words and
            // codes, which the translated lane searches too (kept as written) and the identifier lane matches exactly:
            // counted again by every own-language lane, "OSHA" outvoted the words that say what the question asks.
            foreach (var lane in lanes.Keys.Where(l => l is SearchLane.Lexical or SearchLane.ChineseBm25 or SearchLane.Parts or SearchLane.Penalty or SearchLane.NamedDocument).ToList())
            {
                var own = lanes[lane].Where(h => LanguageOf(h.RowId, documents) != translation.To).ToList();
                if (own.Count > 0)
                {
                    lanes[lane] = own;
                }
                else
                {
                    lanes.Remove(lane);
                }
            }
        }

        if (lanes.ContainsKey(SearchLane.Translated) && _options.BalanceLanguages)
        {
            // Every lane of the question's language votes for its passages and one lane speaks for the other
            // language: weighted as many times as the question's language has lanes, the other language's best
            // passage is not outvoted by weaker ones in the question's own (docs/evaluation.md, Across languages).
            // The identifier lane matches codes in either language, so it is nobody's voice here.
            var ownLanes = Math.Max(1, lanes.Keys.Count(l => l is not (SearchLane.Translated or SearchLane.Identifier or SearchLane.NamedDocument or SearchLane.Parts or SearchLane.Penalty)));
            weight = lane => lane == SearchLane.Translated ? _options.Weight(lane) * ownLanes : _options.Weight(lane);
        }

        IEnumerable<(long RowId, double Score)> fused = ReciprocalRankFusion.Fuse(lanes, weight, _options.RrfK).Where(f => !held.Contains(f.RowId)).ToList();
        if (query.Translation is { } spoken && lanes.TryGetValue(SearchLane.Translated, out var other) && _options.BalanceLanguages)
        {
            // The extra weight stays only with other-language passages that say as much of the question as the best
            // own-language one near the head; the rest fall back to one lane's weight.
            // A passage rests on the extra weight when no lane of the question's language found it (a mixed document
            // may be found by both).
            var ownFound = lanes.Where(l => l.Key is not (SearchLane.Translated or SearchLane.Identifier)).SelectMany(l => l.Value).Select(h => h.RowId).ToHashSet();
            var isOther = (long row) => !ownFound.Contains(row);
            var weaker = LanguageBalance.Weaker(_index, fused.Take(LanguageBalance.Head).Select(f => f.RowId).ToList(), isOther, query.Terms, spoken);
            if (weaker.Count > 0)
            {
                var extra = weight(SearchLane.Translated) - _options.Weight(SearchLane.Translated);
                var rank = other.Select((h, i) => (h.RowId, Rank: i + 1)).ToDictionary(p => p.RowId, p => p.Rank);
                fused = fused.Select(f => weaker.Contains(f.RowId) ? (f.RowId, Score: f.Score - (extra / (_options.RrfK + rank[f.RowId]))) : f).OrderByDescending(f => f.Score).ToList();
            }

            Lap(stages, "balance");
        }

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
            Lap(stages, "rerank");
        }

        Lap(stages, "fuse");
        timings["total"] = timings.Values.Sum();
        return new SearchResponse(query, result, lanes.Keys.ToList(), timings);
    }

    private DocumentLanguage LanguageOf(long row, Dictionary<string, DocumentInfo> documents)
    {
        var id = _index.ChunkRows().IdOf(row);
        var hash = id?.LastIndexOf('#') ?? -1;
        return hash > 0 && documents.TryGetValue(id![..hash], out var document) ? document.Language : DocumentLanguage.Unknown;
    }

    // A mixed document speaks both languages; one without letters (an unread scan) neither.
    private static bool Speaks(DocumentLanguage document, DocumentLanguage language) =>
        document == language || document == DocumentLanguage.Mixed;

    /// <summary>The document by id, from the retriever's cached catalog.</summary>
    public DocumentInfo? Document(string id) => _catalog.Value.Documents.GetValueOrDefault(id);

    private Task<IndexSearchResult> RunAsync(IndexQuery query, CancellationToken cancellationToken) =>
        _search.SearchAsync(
            query with
            {
                GramWeight = _options.GramWeight,
                LexicalWeight = _options.LexicalWeight,
                DenseWeight = _options.DenseWeight,
                IdentifierWeight = _options.IdentifierWeight,
                RrfK = _options.RrfK,
            },
            cancellationToken);

    /// <summary>
    /// The hits as catalog rows. A search index may be a moment behind the catalog (Qdrant between two syncs): a hit
    /// the catalog no longer holds is dropped, not guessed at, and so is a hit of a document the caller's filter does
    /// not allow in the catalog — access groups taken away count at once, whatever the search index still says.
    /// </summary>
    private List<ChunkScore> ToRows(IReadOnlyList<IndexHit> hits, IReadOnlySet<string> allowed)
    {
        var rows = _index.ChunkRows();
        var result = new List<ChunkScore>(hits.Count);
        foreach (var hit in hits)
        {
            var hash = hit.ChunkId.LastIndexOf('#');
            if (hash > 0 && allowed.Contains(hit.ChunkId[..hash]) && rows.RowOf(hit.ChunkId) is { } row)
            {
                result.Add(new ChunkScore(row, hit.Score));
            }
        }

        return result;
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
