using System.Text.RegularExpressions;
using IndustryCopilot.Core.Ingestion.Reading.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>
/// Reads PDFs page by page with PdfPig, in reading order, with 1-based page numbers. Pages without a text layer
/// are reported as needing OCR; pages whose stream order interleaves columns go through layout analysis.
/// </summary>
public sealed partial class PdfReader(IngestionOptions options) : IDocumentReader
{
    public string Format => "pdf";

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(string path, CancellationToken cancellationToken)
    {
        if (FileGuard.CheckSize(path, options) is { } tooBig)
        {
            return ReadResult.Fail(tooBig);
        }

        try
        {
            using var document = PdfDocument.Open(path);
            if (document.NumberOfPages > options.MaxPages)
            {
                return ReadResult.Fail($"PDF has {document.NumberOfPages:N0} pages, over the limit of {options.MaxPages:N0} (Ingestion:MaxPages)");
            }

            var pages = new List<(int, IReadOnlyList<PdfLine>)>();
            var needOcr = new List<int>();
            var byLayout = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                if (!page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
                {
                    if (page.GetImages().Any())
                    {
                        needOcr.Add(number);
                    }

                    continue;
                }

                // Rotated margin text (printer slugs, "PROPOSALS" down the gutter) is not part of the reading flow.
                var lines = PdfLineAssembler.Assemble(page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal));
                if (PdfLineAssembler.LooksInterleaved(lines))
                {
                    lines = PdfLayoutLines.Read(page);
                    byLayout++;
                }

                pages.Add((number, DropTableOfContents(DropPageFurniture(lines, page.Height))));
            }

            var blocks = PdfBlockBuilder.Build(pages);
            var title = document.Information.Title;
            return ReadResult.Ok(new ParsedDocument
            {
                Format = Format,
                EmbeddedTitle = string.IsNullOrWhiteSpace(title) || title.StartsWith("Microsoft Word", StringComparison.OrdinalIgnoreCase) ? null : title.Trim(),
                Blocks = blocks,
                PageCount = document.NumberOfPages,
                PagesNeedingOcr = needOcr,
                PagesReadByLayout = byLayout,
            });
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadResult.Fail("encrypted PDF: it needs a password to open; save an unprotected copy and index that");
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // PdfPig signals damage through many exception types (PdfDocumentFormatException, InvalidOperationException,
            // IndexOutOfRangeException, …); any of them means this one file cannot be read.
            return ReadResult.Fail($"damaged or unreadable PDF ({ex.GetType().Name}): {ex.Message}");
        }
    }

    // A contents page ("Background ........ 1") repeats every heading and would outrank the sections themselves.
    // Cost tables also use dot leaders, but end in amounts, not bare page numbers, and are kept.
    // When entries make up much of the page it is a contents page, wrapped titles and the "Contents" heading
    // included, and none of it is content.
    private static List<PdfLine> DropTableOfContents(List<PdfLine> lines)
    {
        var entries = lines.Where(l => TocEntry().IsMatch(l.Text)).ToList();
        return entries.Count < 5 ? lines
            : entries.Count >= lines.Count * 0.3 ? []
            : lines.Except(entries).ToList();
    }

    [GeneratedRegex(@"\.{4,}\s*[ivx\d]{1,4}$")]
    private static partial Regex TocEntry();

    // Bare page numbers in the top or bottom margin would otherwise glue onto paragraphs; a line of nothing but
    // punctuation (a form's stray "." in 1-point type) would split a table from its header.
    private static List<PdfLine> DropPageFurniture(List<PdfLine> lines, double height) =>
        lines.Where(l => !(l.Text.All(c => char.IsDigit(c) || c == ' ') && (l.Baseline < height * 0.08 || l.Baseline > height * 0.92))
            && l.Text.Any(char.IsLetterOrDigit)).ToList();
}
