using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>BM25 over the query's content terms plus its glossary synonyms.</summary>
public sealed class LexicalLane(SqliteIndex index)
{
    public IReadOnlyList<ChunkScore> Search(AnalyzedQuery query, SearchFilter filter, int k) =>
        index.SearchTerms(query.Terms.Concat(query.ExpansionTerms).ToList(), filter, k);
}
