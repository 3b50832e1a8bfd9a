using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// Exact matches first. In order: (1) chunks whose clause label is a clause the query names, within the documents it
/// names (《安全生产法》第二十一条 → that article), or anywhere when it names none; (2) chunks holding every code,
/// document number and value of the query (E-203, GB/T 1804-2000, 1.6 MPa), ordered by BM25.
/// </summary>
public sealed class IdentifierLane(SqliteIndex index, LexicalLane lexical)
{
    private const int ClauseCandidates = 400;

    public IReadOnlyList<ChunkScore> Search(AnalyzedQuery query, LexicalPlan plan, SearchFilter filter, IReadOnlySet<string> allowed, int k)
    {
        var ranked = new List<ChunkScore>();
        var seen = new HashSet<long>();
        var scoped = query.Mentions.Count == 0 ? filter : filter with { DocumentIds = Scope(filter, query.Mentions) };
        var tier = 3.0;

        var clauses = query.Identifiers.Where(i => i.Kind == IdentifierKind.Clause).Select(i => i.Term).Distinct().ToList();
        foreach (var clause in clauses)
        {
            var candidates = index.GetChunksByRowId(index.SearchTerms([clause], scoped, ClauseCandidates).Select(h => h.RowId).ToList());
            var matching = candidates
                .Where(c => c.Chunk.ClauseLabel is { } label && LexicalAnalyzer.Identifiers(label).Any(i => i.Term == clause))
                .OrderBy(c => MentionOrder(query, c.Chunk.DocumentId)).ThenBy(c => c.Chunk.DocumentId, StringComparer.Ordinal).ThenBy(c => c.Chunk.Ordinal);
            Add(ranked, seen, matching.Select(c => c.RowId), tier);
        }

        tier--;
        var groups = query.Identifiers.Where(i => i.Kind != IdentifierKind.Clause).GroupBy(i => i.Group).ToList();
        if (groups.Count > 0)
        {
            // Every identifier group must be present; spellings within a group are alternatives.
            IEnumerable<long>? all = null;
            foreach (var group in groups)
            {
                var rows = group.SelectMany(i => index.SearchTerms([i.Term], scoped, k * 4)).Select(h => h.RowId).ToHashSet();
                all = all is null ? rows : all.Where(rows.Contains).ToList();
            }

            var terms = plan.Terms.Concat(groups.SelectMany(g => g.Select(i => i.Term))).Distinct().ToList();
            var order = lexical.Search(plan with { Terms = terms }, allowed, k * 4).Select(h => h.RowId).ToList();
            var hits = all!.ToHashSet();
            Add(ranked, seen, order.Where(hits.Contains).Concat(hits), tier);
        }

        return ranked.Take(k).ToList();
    }

    private static List<string> Scope(SearchFilter filter, IReadOnlyList<DocumentMention> mentions)
    {
        var named = mentions.Select(m => m.DocumentId).ToList();
        return filter.DocumentIds.Count == 0 ? named : filter.DocumentIds.Intersect(named).ToList();
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

    private static void Add(List<ChunkScore> ranked, HashSet<long> seen, IEnumerable<long> rows, double tier)
    {
        foreach (var row in rows)
        {
            if (seen.Add(row))
            {
                ranked.Add(new ChunkScore(row, tier));
            }
        }
    }
}
