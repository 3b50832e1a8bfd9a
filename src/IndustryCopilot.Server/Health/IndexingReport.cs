namespace IndustryCopilot.Server.Health;

/// <summary>The start-up indexing run's progress.</summary>
internal sealed record IndexingReport(bool Running, int FilesDone, int FilesTotal, int Failed, string? LastError);
