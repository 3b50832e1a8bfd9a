namespace IndustryCopilot.Core.Retrieval;

/// <summary>A question or query to search for, with the caller's filter.</summary>
public sealed record SearchRequest(string Query)
{
    /// <summary>Chunks to return. Default 10.</summary>
    public int K { get; init; } = 10;

    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>Lanes to run. Default all; the dense lane still sits out queries in languages its model does not know.</summary>
    public SearchLanes Lanes { get; init; } = SearchLanes.All;
}
