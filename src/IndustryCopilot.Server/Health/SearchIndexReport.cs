namespace IndustryCopilot.Server.Health;

/// <summary>Where searches run and, for Qdrant, whether it has caught up with the catalog.</summary>
internal sealed record SearchIndexReport(string Provider, bool UpToDate, DateTimeOffset? LastSync, int? Pushed, string? Error);
