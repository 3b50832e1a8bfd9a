using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// The penalty lane's ranking: a rule's penalty is in its own law's liability chapter, so the documents are taken in
/// the order the question's words first reach them, and of each its best passage in a penalty section
/// (<see cref="PenaltyIntent.Answers"/>).
/// </summary>
public static class PenaltyHeads
{
    /// <summary>
    /// At most <paramref name="k"/> passages, one per document, from a lexical <paramref name="ranking"/> whose
    /// chunks' documents and heading paths are in <paramref name="places"/> (<see cref="SqliteIndex.PlacesOf"/>).
    /// </summary>
    public static List<ChunkScore> Of(IReadOnlyList<ChunkScore> ranking, IReadOnlyDictionary<long, (string DocumentId, string SectionPath)> places, int k)
    {
        var known = ranking.Where(r => places.ContainsKey(r.RowId)).ToList();
        var best = known.Where(r => PenaltyIntent.Answers(places[r.RowId].SectionPath))
            .GroupBy(r => places[r.RowId].DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return known.Select(r => places[r.RowId].DocumentId).Distinct(StringComparer.Ordinal).Where(best.ContainsKey).Select(d => best[d]).Take(k).ToList();
    }
}
