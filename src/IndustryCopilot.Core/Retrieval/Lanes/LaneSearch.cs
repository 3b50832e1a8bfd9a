using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval.Fusion;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// The index queries of one search beside its main one: the head of each document the question names, the penalty
/// articles, the question's parts, and the translated lane, each run on the search index with the caller's filter and
/// turned into catalog rows the caller may see.
/// </summary>
internal sealed class LaneSearch(SqliteIndex index, ISearchIndex search, RetrievalOptions options, LexicalPlanner planner, LaneFusion fusion)
{
    private const int NamedDocumentCandidates = 3;
    private const int PenaltyDepth = 4;
    private const int PenaltyHead = 3;

    /// <summary>Runs <paramref name="query"/> on the search index with the configured lane weights.</summary>
    public Task<IndexSearchResult> RunAsync(IndexQuery query, CancellationToken cancellationToken) =>
        search.SearchAsync(
            query with
            {
                GramWeight = options.GramWeight,
                LexicalWeight = options.LexicalWeight,
                DenseWeight = options.DenseWeight,
                IdentifierWeight = options.IdentifierWeight,
                RrfK = options.RrfK,
            },
            cancellationToken);


    /// <summary>
    /// The hits as catalog rows. A search index may be a moment behind the catalog (Qdrant between two syncs): a hit
    /// the catalog no longer holds is dropped, not guessed at, and so is a hit of a document the caller's filter does
    /// not allow in the catalog — access groups taken away count at once, whatever the search index still says.
    /// </summary>
    public List<ChunkScore> ToRows(IReadOnlyList<IndexHit> hits, IReadOnlySet<string> allowed)
    {
        var rows = index.ChunkRows();
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


    // The head of the BM25 ranking within each document the question names, taken in turns: a hint, not proof, and
    // only the head, since the question may also need a document it does not name. Per document, so that a question
    // naming two laws gets the head of each, not six passages of the one with more matches.
    public async Task<IReadOnlyList<ChunkScore>?> NamedDocumentAsync(SearchRequest request, AnalyzedQuery query, LexicalPlan plan, IReadOnlySet<string> allowed, CancellationToken cancellationToken)
    {
        var named = query.Mentions.Select(m => m.DocumentId).Where(allowed.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        var heads = new List<IReadOnlyList<ChunkScore>>(named.Count);
        foreach (var id in named)
        {
            var head = await RunAsync(new IndexQuery { Terms = plan.Terms, Grams = plan.Grams, Filter = request.Filter with { DocumentIds = [id] }, Lanes = SearchLanes.Lexical, K = NamedDocumentCandidates }, cancellationToken).ConfigureAwait(false);
            heads.Add(ToRows(head.Lanes.Values.FirstOrDefault() ?? [], allowed));
        }

        return TakingTurns.Merge(heads, NamedDocumentCandidates * named.Count);
    }

    // The penalty chapter's articles rarely lead the whole ranking: look deeper into it. A rule's penalty is in its own
    // law's liability chapter, so take the documents in the order the question's words rank them and the best penalty
    // article of each. Only the head, as a hint: with the whole ranking fused, every passage of the head was a penalty
    // article and the rule the question is also about fell out of it.
    public async Task<IReadOnlyList<ChunkScore>> PenaltyAsync(SearchRequest request, LexicalPlan plan, IReadOnlySet<string> allowed, int pool, CancellationToken cancellationToken)
    {
        var wide = await RunAsync(new IndexQuery { Terms = plan.Terms, Grams = plan.Grams, Filter = request.Filter, Lanes = SearchLanes.Lexical, K = pool * PenaltyDepth }, cancellationToken).ConfigureAwait(false);
        var rows = ToRows(wide.Lanes.Values.FirstOrDefault() ?? [], allowed);
        return PenaltyHeads.Of(rows, index.PlacesOf(rows.Select(r => r.RowId).ToList()), PenaltyHead);
    }

    // Each part of a question that asks several things searched on its own, the rankings taken in turns.
    public async Task<IReadOnlyList<ChunkScore>> PartsAsync(SearchRequest request, IReadOnlyList<string> parts, Glossary glossary, DocumentCatalog catalog, IReadOnlySet<string> allowed, int pool, CancellationToken cancellationToken)
    {
        var rankings = new List<IReadOnlyList<ChunkScore>>(parts.Count);
        foreach (var part in parts)
        {
            var partPlan = planner.Plan(QueryAnalyzer.Analyze(part, glossary, catalog, allowed));
            var hits = await RunAsync(new IndexQuery { Terms = partPlan.Terms, Grams = partPlan.Grams, Filter = request.Filter, Lanes = SearchLanes.Lexical, K = pool }, cancellationToken).ConfigureAwait(false);
            rankings.Add(ToRows(hits.Lanes.Values.FirstOrDefault() ?? [], allowed));
        }

        return TakingTurns.Merge(rankings, pool);
    }

    // The lane speaks for the other language only: its kept codes and Latin words would otherwise rank the question's
    // own-language passages a second time, weighted as the other language's voice.
    public async Task<List<ChunkScore>> TranslatedAsync(SearchRequest request, IReadOnlyList<TermGroup> groups, DocumentLanguage to, IReadOnlySet<string> allowed, int pool, Dictionary<string, DocumentInfo> documents, CancellationToken cancellationToken)
    {
        var translated = await RunAsync(new IndexQuery { TermGroups = groups, Filter = request.Filter, Lanes = SearchLanes.Lexical, K = pool }, cancellationToken).ConfigureAwait(false);
        return [.. ToRows(translated.Lanes.Values.FirstOrDefault() ?? [], allowed).Where(h => LaneFusion.Speaks(fusion.LanguageOf(h.RowId, documents), to))];
    }
}
