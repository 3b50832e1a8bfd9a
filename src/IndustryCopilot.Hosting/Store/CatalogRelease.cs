namespace IndustryCopilot.Hosting.Store;

/// <summary>An admin's release of a document's held passages, valid for the version with <paramref name="ContentHash"/> only.</summary>
public sealed record CatalogRelease(string DocumentId, string ContentHash, string ReleasedBy, DateTimeOffset ReleasedAt);
