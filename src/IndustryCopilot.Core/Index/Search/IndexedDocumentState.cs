namespace IndustryCopilot.Core.Index.Search;

/// <summary>A document a search index holds and the fingerprint it was stored with.</summary>
public sealed record IndexedDocumentState(string DocumentId, string Fingerprint);
