using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// BM25 over the query's content terms plus its glossary synonyms, and over its bigrams and stems, from an in-memory
/// copy of the index's postings (reloaded when the index changes). The query is planned first: terms no chunk holds
/// are dropped, and so are terms so common that they add almost nothing to BM25 (IDF near zero) — unless nothing
/// rarer is left.
/// </summary>
public sealed class LexicalLane(SqliteIndex index, RetrievalOptions options)
{
    private readonly GenerationCache<Bm25Index> _postings = new(index, () => Bm25Index.Load(index));

    public LexicalPlan Plan(AnalyzedQuery query)
    {
        var terms = query.Terms.Concat(query.ExpansionTerms).Distinct(StringComparer.Ordinal).ToList();
        var frequencies = index.DocumentFrequencies(terms.Concat(query.Grams));
        var n = Math.Max(1, index.ChunkCount());
        return new LexicalPlan(Select(terms, frequencies, n, options.MaxQueryTerms), Select(query.Grams, frequencies, n, options.MaxQueryGrams));
    }

    public IReadOnlyList<ChunkScore> Search(LexicalPlan plan, IReadOnlySet<string> allowedDocuments, int k) =>
        _postings.Value.Search(plan.Terms, plan.Grams, (float)options.GramWeight, allowedDocuments, k);

    private List<string> Select(IEnumerable<string> candidates, Dictionary<string, long> frequencies, long n, int max)
    {
        var present = candidates.Where(frequencies.ContainsKey).OrderBy(t => frequencies[t]).ToList();
        var rare = present.Where(t => frequencies[t] <= options.CommonTermShare * n).ToList();
        return (rare.Count > 0 ? rare : present.Take(2)).Take(max).ToList();
    }
}
