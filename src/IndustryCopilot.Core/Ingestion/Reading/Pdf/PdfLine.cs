namespace IndustryCopilot.Core.Ingestion.Reading.Pdf;

/// <summary>A line of text on a PDF page, with the geometry block building needs.</summary>
/// <param name="Text">The line's text; segments separated by wide gaps are joined with one space.</param>
/// <param name="Segments">Runs of text separated by gaps wider than three character widths (table cells, columns).</param>
/// <param name="Left">Left edge in points.</param>
/// <param name="Right">Right edge in points.</param>
/// <param name="Baseline">Baseline height in points (PDF coordinates grow upwards).</param>
/// <param name="FontSize">Median font size of the line's letters, in points.</param>
/// <param name="Bold">True when most of the line is set in a bold face.</param>
/// <param name="StartsBlock">True when layout analysis put the line at the start of a text block.</param>
internal sealed record PdfLine(string Text, IReadOnlyList<string> Segments, double Left, double Right, double Baseline, double FontSize, bool Bold, bool StartsBlock = false)
{
    /// <summary>The line's words with their horizontal extent (empty for lines from layout analysis).</summary>
    public IReadOnlyList<PdfWord> Words { get; init; } = [];
}
