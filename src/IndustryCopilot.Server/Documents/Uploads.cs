namespace IndustryCopilot.Server.Documents;

/// <summary>The upload folder (absolute), resolved once from <c>Server:UploadDirectory</c> and the data directory.</summary>
internal sealed record Uploads(string Folder);
