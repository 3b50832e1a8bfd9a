namespace IndustryCopilot.Hosting.Audit;

/// <summary>
/// A cited passage as the audit keeps it: enough to find the exact revision later even after the document changed —
/// the chunk id, the document's content hash and revision at answer time, and the quote itself.
/// </summary>
public sealed record AuditCitation(
    int Number,
    string ChunkId,
    string DocumentId,
    string DocumentTitle,
    string? DocumentNumber,
    string? Revision,
    string? DocumentHash,
    string? Clause,
    int? PageStart,
    string Quote);
