using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// Plans the lexical query from the catalog's term statistics: terms no chunk holds are dropped, and so are terms so
/// common that they add almost nothing to BM25 (IDF near zero) — unless nothing rarer is left. The plan is the same
/// whichever search index runs it.
/// </summary>
public sealed class LexicalPlanner(SqliteIndex catalog, RetrievalOptions options)
{
    public LexicalPlan Plan(AnalyzedQuery query)
    {
        var terms = query.Terms.Concat(query.ExpansionTerms).Distinct(StringComparer.Ordinal).ToList();
        var frequencies = catalog.DocumentFrequencies(terms.Concat(query.Grams));
        var n = Math.Max(1, catalog.ChunkCount());
        return new LexicalPlan(Select(terms, frequencies, n, options.MaxQueryTerms), Select(query.Grams, frequencies, n, options.MaxQueryGrams));
    }

    private List<string> Select(IEnumerable<string> candidates, Dictionary<string, long> frequencies, long n, int max)
    {
        var present = candidates.Where(frequencies.ContainsKey).OrderBy(t => frequencies[t]).ToList();
        var rare = present.Where(t => frequencies[t] <= options.CommonTermShare * n).ToList();
        return (rare.Count > 0 ? rare : present.Take(2)).Take(max).ToList();
    }
}
