using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>BM25 over the query's content terms plus its glossary synonyms, and over its bigrams and stems.</summary>
public sealed class LexicalLane(SqliteIndex index, RetrievalOptions options)
{
    public IReadOnlyList<ChunkScore> Search(AnalyzedQuery query, SearchFilter filter, int k) =>
        index.SearchTermsAndGrams(query.Terms.Concat(query.ExpansionTerms).ToList(), query.Grams, options.GramWeight, filter, k);
}
