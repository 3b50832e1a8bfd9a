namespace IndustryCopilot.Core.Ingestion;

/// <summary>The result for one file.</summary>
public sealed record FileOutcome(string Path, FileOutcomeKind Kind, string? DocumentId = null, int Pages = 0, int Chunks = 0, IReadOnlyList<int>? PagesNeedingOcr = null, string? Error = null);
