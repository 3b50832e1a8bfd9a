using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace IndustryCopilot.Core.Ingestion.Reading.Pdf;

/// <summary>
/// Reads a page through PdfPig's layout analysis: words, Docstrum text blocks, then unsupervised reading order.
/// Used only for pages whose content-stream order interleaves columns.
/// </summary>
internal static class PdfLayoutLines
{
    public static List<PdfLine> Read(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        var lines = new List<PdfLine>();
        foreach (var block in ordered)
        {
            var first = true;
            foreach (var line in block.TextLines)
            {
                var text = CjkText.CollapseCjkSpaces(line.Text.Trim());
                if (text.Length == 0)
                {
                    continue;
                }

                var letters = line.Words.SelectMany(w => w.Letters).ToList();
                var sizes = letters.Select(PdfLineAssembler.Size).Order().ToList();
                var size = sizes.Count == 0 ? 1 : sizes[sizes.Count / 2];
                var bold = letters.Count > 0 && letters.Count(PdfLineAssembler.IsBold) >= 0.8 * letters.Count;
                lines.Add(new PdfLine(text, [text], line.BoundingBox.Left, line.BoundingBox.Right, line.BoundingBox.Bottom, size, bold, first));
                first = false;
            }
        }

        return lines;
    }
}
