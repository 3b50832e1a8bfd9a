using IndustryCopilot.Hosting.Audit;

namespace IndustryCopilot.Server.Audit;

/// <summary>An audit entry with the latest feedback on it, as <c>GET /api/audit</c> returns it.</summary>
internal sealed record AuditRow(AuditEntry Entry, AnswerFeedback? Feedback);
