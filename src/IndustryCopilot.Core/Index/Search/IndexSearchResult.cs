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
    /// lanes (<see cref="Retrieval.Fusion.ReciprocalRankFusion"/>).
    /// </summary>
    public IReadOnlyList<IndexHit> Fuse(Func<SearchLane, double> weight, int rrfK)
    {
        return Lanes.TryGetValue(SearchLane.Fused, out var fused)
            ? fused
            : Retrieval.Fusion.ReciprocalRankFusion.FuseBy(Lanes, h => h.ChunkId, weight, rrfK).Select(p => new IndexHit(p.Key, p.Score)).ToList();
    }
}
