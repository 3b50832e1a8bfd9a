using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Core.Retrieval.Fusion;

/// <summary>
/// Weighted reciprocal rank fusion: score(chunk) = Σ over lanes of weight / (k + rank). Ranks, not raw scores, are
/// fused, so BM25 and cosine need no common scale. Ties keep the order of first appearance.
/// </summary>
public static class ReciprocalRankFusion
{
    public static List<(long RowId, double Score)> Fuse(IReadOnlyDictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, Func<SearchLane, double> weight, int k)
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
