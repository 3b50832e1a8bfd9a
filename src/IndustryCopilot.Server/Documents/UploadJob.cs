namespace IndustryCopilot.Server.Documents;

/// <summary>An upload's ingestion job, as <c>GET /api/jobs/{id}</c> returns it.</summary>
internal sealed record UploadJob(
    string Id,
    string FileName,
    UploadState State,
    DateTimeOffset Created,
    string? DocumentId = null,
    int Chunks = 0,
    int Pages = 0,
    string? Error = null,
    DateTimeOffset? Finished = null)
{
    /// <summary>The key that uploaded the file; only it (and admins who may see the document's groups) may read the job.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string KeyId { get; init; } = "";

    /// <summary>The access groups the document is indexed with; an admin other than the uploader sees the job only when it may see one of them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Absolute path of the stored file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Path { get; init; } = "";

    /// <summary>When the upload replaces a file of the same name: where the previous file waits until the new one is indexed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? PreviousPath { get; init; }
}
