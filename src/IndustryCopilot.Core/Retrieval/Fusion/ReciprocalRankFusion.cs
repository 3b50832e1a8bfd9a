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
        where TLane : notnull =>
        FuseBy(lanes, h => h.RowId, weight, k);

    /// <summary>The same fusion over any hit type, keyed by <paramref name="key"/> (a row id, a chunk id).</summary>
    public static List<(TKey Key, double Score)> FuseBy<TLane, THit, TKey>(IReadOnlyDictionary<TLane, IReadOnlyList<THit>> lanes, Func<THit, TKey> key, Func<TLane, double> weight, int k)
        where TLane : notnull
        where TKey : notnull
    {
        var scores = new Dictionary<TKey, double>();
        var first = new Dictionary<TKey, int>();
        foreach (var (lane, hits) in lanes)
        {
            var w = weight(lane);
            for (var i = 0; i < hits.Count; i++)
            {
                var id = key(hits[i]);
                scores[id] = scores.GetValueOrDefault(id) + (w / (k + i + 1));
                first.TryAdd(id, first.Count);
            }
        }

        return scores.OrderByDescending(p => p.Value).ThenBy(p => first[p.Key]).Select(p => (p.Key, p.Value)).ToList();
    }
}
