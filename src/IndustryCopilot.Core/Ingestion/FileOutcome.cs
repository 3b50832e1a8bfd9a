namespace IndustryCopilot.Core.Ingestion;

/// <summary>The result for one file.</summary>
/// <param name="Path">Absolute path of the file.</param>
/// <param name="Kind">Indexed, unchanged or failed.</param>
/// <param name="DocumentId">Id of the document, when indexed or unchanged.</param>
/// <param name="Pages">Pages read (0 for formats without pages, and for unchanged files).</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="PagesNeedingOcr">1-based pages without a text layer.</param>
/// <param name="Error">Why the file failed.</param>
/// <param name="PagesByLayout">PDF pages whose stream order interleaved columns and were read by layout analysis.</param>
public sealed record FileOutcome(string Path, FileOutcomeKind Kind, string? DocumentId = null, int Pages = 0, int Chunks = 0, IReadOnlyList<int>? PagesNeedingOcr = null, string? Error = null, int PagesByLayout = 0)
{
    /// <summary>Pages without a text layer whose text was recognised by OCR.</summary>
    public int PagesByOcr { get; init; }

    /// <summary>Why OCR failed on a page, when it did (the page stays in <see cref="PagesNeedingOcr"/>).</summary>
    public string? OcrError { get; init; }
}
