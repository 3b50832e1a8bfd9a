namespace IndustryCopilot.Server.Documents;

/// <summary><c>POST /api/documents</c> answer (202): one ingestion job per uploaded file; poll <c>GET /api/jobs/{id}</c>.</summary>
internal sealed record UploadAccepted(IReadOnlyList<UploadJob> Jobs);
