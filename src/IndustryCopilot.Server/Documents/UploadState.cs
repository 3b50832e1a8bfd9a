namespace IndustryCopilot.Server.Documents;

/// <summary>Where an uploaded file stands: waiting, being indexed, indexed, or failed (the file is then removed again).</summary>
internal enum UploadState
{
    Queued,
    Indexing,
    Indexed,
    Failed,
}
