using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Hosting.Store;

/// <summary>A document as the shared catalog holds it, with the fingerprint and embedding model it was written with.</summary>
public sealed record CatalogEntry(IndexDocument Document, string Fingerprint, VectorModel? Model);
