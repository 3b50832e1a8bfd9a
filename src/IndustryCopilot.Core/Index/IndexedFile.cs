namespace IndustryCopilot.Core.Index;

/// <summary>What the index knows about a source file, enough to decide whether it changed.</summary>
public sealed record IndexedFile(string DocumentId, string SourcePath, string ContentHash, int PipelineVersion, string? EmbeddingModel = null);
