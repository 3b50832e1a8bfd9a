using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// The rankings a search produced, best first, by lane. The embedded index returns one per lane it ran; Qdrant fuses
/// its lanes inside the query and returns one <see cref="SearchLane.Fused"/> ranking.
/// </summary>
public sealed record IndexSearchResult(IReadOnlyDictionary<SearchLane, IReadOnlyList<IndexHit>> Lanes)
{
    public static IndexSearchResult Empty { get; } = new(new Dictionary<SearchLane, IReadOnlyList<IndexHit>>());

    /// <summary>
    /// One ranking of all lanes: the index's own fusion when it fused, else weighted reciprocal rank fusion of its
    /// lanes (the rule <see cref="Retrieval.Fusion.ReciprocalRankFusion"/> applies).
    /// </summary>
    public IReadOnlyList<IndexHit> Fuse(Func<SearchLane, double> weight, int rrfK)
    {
        if (Lanes.TryGetValue(SearchLane.Fused, out var fused))
        {
            return fused;
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (lane, hits) in Lanes)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                scores[hits[i].ChunkId] = scores.GetValueOrDefault(hits[i].ChunkId) + (weight(lane) / (rrfK + i + 1));
                first.TryAdd(hits[i].ChunkId, first.Count);
            }
        }

        return scores.OrderByDescending(p => p.Value).ThenBy(p => first[p.Key]).Select(p => new IndexHit(p.Key, p.Value)).ToList();
    }
}
