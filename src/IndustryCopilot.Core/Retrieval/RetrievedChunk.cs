using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>A search result: the chunk, its document, the fused score and each lane's 1-based rank and score.</summary>
public sealed record RetrievedChunk(Chunk Chunk, DocumentInfo Document, double Score, IReadOnlyDictionary<SearchLane, (int Rank, double Score)> Lanes)
{
    public long RowId { get; init; }
}
