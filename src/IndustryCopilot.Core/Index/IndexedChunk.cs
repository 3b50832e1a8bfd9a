using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Index;

/// <summary>A chunk with its row id in the embedded index.</summary>
public sealed record IndexedChunk(long RowId, Chunk Chunk);
