using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Ingestion;

/// <summary>What to index: files or folders (searched recursively), metadata for all of them, and whether to prune.</summary>
public sealed record IngestionRequest
{
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>Metadata applied to every file; a file's sidecar wins over it.</summary>
    public DocumentMetadata Metadata { get; init; } = new();

    /// <summary>Remove indexed documents under the given folders whose source file no longer exists.</summary>
    public bool Prune { get; init; }
}
