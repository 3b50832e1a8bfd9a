namespace IndustryCopilot.Server.Documents;

/// <summary><c>GET /api/sources/{chunkId}</c>: the cited passage, the passages before and after it, its document, and where to get the original file.</summary>
internal sealed record SourceView(SourcePassage Passage, SourcePassage? Previous, SourcePassage? Next, DocumentView Document, string FileUrl);
