namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>What a reader extracted from one file.</summary>
public sealed record ParsedDocument
{
    public required string Format { get; init; }

    /// <summary>Title recorded by the file itself (PDF info, Word core properties, Markdown # heading), if any.</summary>
    public string? EmbeddedTitle { get; init; }

    public required IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>Pages in the file; 0 for formats without pages.</summary>
    public int PageCount { get; init; }

    /// <summary>1-based pages without a text layer.</summary>
    public IReadOnlyList<int> PagesNeedingOcr { get; init; } = [];

    /// <summary>Pages whose stream order was interleaved and were read through layout analysis instead.</summary>
    public int PagesReadByLayout { get; init; }

    /// <summary>All block text joined, for metadata detection.</summary>
    public string PlainText => string.Join("\n", Blocks.Select(b => b.Kind == BlockKind.Table && b.Table is not null
        ? string.Join(" ", b.Table.Header) : b.Text));
}
