namespace IndustryCopilot.Core.Retrieval;

/// <summary>A question or query to search for, with the caller's filter.</summary>
public sealed record SearchRequest(string Query)
{
    /// <summary>Chunks to return. Default 10.</summary>
    public int K { get; init; } = 10;

    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>Lanes to run. Default all; the dense lane still sits out queries in languages its model does not know.</summary>
    public SearchLanes Lanes { get; init; } = SearchLanes.All;

    /// <summary>
    /// The query's embedding when the caller computed it already (<see cref="HybridRetriever.EmbedQueryAsync"/>), e.g.
    /// outside a lock around <see cref="HybridRetriever.SearchAsync"/>; null: the dense lane embeds the query itself.
    /// </summary>
    public float[]? QueryVector { get; init; }

    /// <summary>
    /// The question as the configured model translated it into the catalog's other language, searched beside the
    /// dictionary translation in the translated lane; null without a model (or for a one-language catalog).
    /// </summary>
    public string? ModelTranslation { get; init; }
}
