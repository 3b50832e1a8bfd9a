namespace IndustryCopilot.Hosting.Store;

/// <summary>What one pass between a replica's embedded index and the shared catalog changed.</summary>
public sealed record CatalogSyncReport(int Written, int Removed, int Unchanged)
{
    /// <summary>Releases of held passages taken from the group (following only).</summary>
    public int Released { get; init; }
}
