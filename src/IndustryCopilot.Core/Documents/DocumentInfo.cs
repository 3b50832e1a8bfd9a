namespace IndustryCopilot.Core.Documents;

/// <summary>An indexed document: identity, provenance, detected and supplied metadata, and revision status.</summary>
public sealed record DocumentInfo
{
    /// <summary>Stable id: 12 hex characters of the SHA-256 of the absolute source path.</summary>
    public required string Id { get; init; }

    /// <summary>Absolute path of the source file.</summary>
    public required string SourcePath { get; init; }

    /// <summary>SHA-256 (hex) of the file bytes plus its sidecar metadata, used for incremental indexing.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Reader that produced it: <c>pdf</c>, <c>docx</c>, <c>xlsx</c>, <c>markdown</c> or <c>text</c>.</summary>
    public required string Format { get; init; }

    public required long SizeBytes { get; init; }

    public required string Title { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Revision { get; init; }

    public DateOnly? EffectiveDate { get; init; }

    public DocumentLanguage Language { get; init; }

    public string? DocType { get; init; }

    public string? Equipment { get; init; }

    public string? Line { get; init; }

    /// <summary>Access groups; never empty (defaults to <c>public</c>).</summary>
    public required IReadOnlyList<string> AccessGroups { get; init; }

    /// <summary>Number of pages; 0 for formats without pages (Markdown, text, spreadsheets).</summary>
    public int PageCount { get; init; }

    /// <summary>1-based pages that have no text layer and need OCR before their text can be searched.</summary>
    public IReadOnlyList<int> PagesNeedingOcr { get; init; } = [];

    public int ChunkCount { get; init; }

    public DocumentStatus Status { get; init; } = DocumentStatus.Current;

    /// <summary>Id of the newer revision when <see cref="Status"/> is <see cref="DocumentStatus.Superseded"/>.</summary>
    public string? SupersededBy { get; init; }

    public DateTimeOffset IndexedAt { get; init; }

    /// <summary>Other names people use for the document (from its sidecar's <c>aliases</c>), found in questions like its title. Default none.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
