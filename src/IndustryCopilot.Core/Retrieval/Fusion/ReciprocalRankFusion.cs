using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Core.Retrieval.Fusion;

/// <summary>
/// Weighted reciprocal rank fusion: score(chunk) = Σ over lanes of weight / (k + rank). Ranks, not raw scores, are
/// fused, so BM25 and cosine need no common scale. Ties keep the order of first appearance.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>Unweighted fusion of several rankings.</summary>
    public static List<(long RowId, double Score)> Fuse(IReadOnlyList<IReadOnlyList<ChunkScore>> rankings, int k) =>
        Fuse(rankings.Select((r, i) => (i, r)).ToDictionary(p => p.i, p => p.r), _ => 1.0, k);

    public static List<(long RowId, double Score)> Fuse<TLane>(IReadOnlyDictionary<TLane, IReadOnlyList<ChunkScore>> lanes, Func<TLane, double> weight, int k)
        where TLane : notnull
    {
        var scores = new Dictionary<long, double>();
        var first = new Dictionary<long, int>();
        foreach (var (lane, hits) in lanes)
        {
            var w = weight(lane);
            for (var i = 0; i < hits.Count; i++)
            {
                var row = hits[i].RowId;
                scores[row] = scores.GetValueOrDefault(row) + (w / (k + i + 1));
                first.TryAdd(row, first.Count);
            }
        }

        return scores.OrderByDescending(p => p.Value).ThenBy(p => first[p.Key]).Select(p => (p.Key, p.Value)).ToList();
    }
}
