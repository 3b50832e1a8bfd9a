namespace IndustryCopilot.Server.Documents;

/// <summary><c>GET /api/documents/{id}</c>: the document and its chunk outline in document order.</summary>
internal sealed record DocumentDetail(DocumentView Document, IReadOnlyList<ChunkOutline> Outline);
