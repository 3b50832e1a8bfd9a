namespace IndustryCopilot.Core.Index;

/// <summary>A chunk (by its row id in the index) with a lane's score; higher is better.</summary>
public readonly record struct ChunkScore(long RowId, double Score);
