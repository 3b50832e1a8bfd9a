namespace IndustryCopilot.Hosting.Store;

/// <summary>What one pass between a replica's embedded index and the shared catalog changed.</summary>
public sealed record CatalogSyncReport(int Written, int Removed, int Unchanged);
