using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// Chunks whose clause label is a clause the query names, within the documents it names (《安全生产法》第二十一条 →
/// that article), or anywhere when it names none — looked up in the catalog, where clause labels live. The head of
/// the identifier lane; the search index adds the chunks holding every code of the query after it.
/// </summary>
public sealed class ClauseLane(SqliteIndex catalog)
{
    private const int ClauseCandidates = 400;

    public List<long> Search(AnalyzedQuery query, SearchFilter scoped)
    {
        var ranked = new List<long>();
        var clauses = query.Identifiers.Where(i => i.Kind == IdentifierKind.Clause).Select(i => i.Term).Distinct().ToList();
        foreach (var clause in clauses)
        {
            var candidates = catalog.GetChunksByRowId(catalog.SearchTerms([clause], scoped, ClauseCandidates).Select(h => h.RowId).ToList());
            ranked.AddRange(candidates
                .Where(c => c.Chunk.ClauseLabel is { } label && LexicalAnalyzer.Identifiers(label).Any(i => i.Term == clause))
                .OrderBy(c => MentionOrder(query, c.Chunk.DocumentId)).ThenBy(c => c.Chunk.DocumentId, StringComparer.Ordinal).ThenBy(c => c.Chunk.Ordinal)
                .Select(c => c.RowId));
        }

        return ranked.Distinct().ToList();
    }

    /// <summary>The caller's filter narrowed to the documents the query names, if it names any.</summary>
    public static SearchFilter Scope(SearchFilter filter, IReadOnlyList<DocumentMention> mentions)
    {
        if (mentions.Count == 0)
        {
            return filter;
        }

        var named = mentions.Select(m => m.DocumentId).ToList();
        return filter with { DocumentIds = filter.DocumentIds.Count == 0 ? named : filter.DocumentIds.Intersect(named).ToList() };
    }

    private static int MentionOrder(AnalyzedQuery query, string documentId)
    {
        for (var i = 0; i < query.Mentions.Count; i++)
        {
            if (query.Mentions[i].DocumentId == documentId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
