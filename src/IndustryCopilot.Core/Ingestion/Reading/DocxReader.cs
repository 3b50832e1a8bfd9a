using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>
/// Reads Word documents: headings from styles and outline levels, automatic list numbers, tables as rows × cells.
/// Pages follow the page breaks Word recorded when it last laid the document out; without any, pages are unknown.
/// </summary>
public sealed class DocxReader(IngestionOptions options) : IDocumentReader
{
    public string Format => "docx";

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public ReadResult Read(string path, CancellationToken cancellationToken)
    {
        if (FileGuard.CheckSize(path, options) is { } tooBig)
        {
            return ReadResult.Fail(tooBig);
        }

        if (PackageGuard.Check(path, options) is { } refused)
        {
            return ReadResult.Fail(refused);
        }

        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return ReadResult.Fail("not a Word document: no main document body");
            }

            var state = new State(document);
            foreach (var element in body.Elements())
            {
                cancellationToken.ThrowIfCancellationRequested();
                Visit(element, state);
            }

            if (state.Blocks.Count == 0)
            {
                return ReadResult.Fail("no text: the document has no paragraphs or tables with text");
            }

            var hasPages = state.SawPageBreak;
            var blocks = hasPages ? state.Blocks : state.Blocks.Select(b => b with { Page = null }).ToList();
            var title = document.PackageProperties.Title is { Length: > 0 } t ? t
                : state.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text;
            return ReadResult.Ok(new ParsedDocument
            {
                Format = Format,
                EmbeddedTitle = title,
                Blocks = blocks,
                PageCount = hasPages ? state.Page : 0,
            });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            return ReadResult.Fail("damaged or unsupported Word file: " + ex.Message);
        }
    }

    private static void Visit(OpenXmlElement element, State state)
    {
        switch (element)
        {
            case Paragraph paragraph:
                VisitParagraph(paragraph, state);
                break;
            case Table table:
                VisitTable(table, state);
                break;
            case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                foreach (var child in content.Elements())
                {
                    Visit(child, state);
                }

                break;
            default:
                break;
        }
    }

    private static void VisitParagraph(Paragraph paragraph, State state)
    {
        if (paragraph.ParagraphProperties?.PageBreakBefore is not null)
        {
            state.NewPage();
        }

        var text = ParagraphText(paragraph, state).Trim();
        if (text.Length == 0)
        {
            return;
        }

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var style = styleId is null ? null : state.Style(styleId);
        var outline = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value ?? style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
        var styleName = style?.StyleName?.Val?.Value ?? styleId ?? "";

        var numbering = paragraph.ParagraphProperties?.NumberingProperties ?? style?.StyleParagraphProperties?.NumberingProperties;
        string? label = null;
        if (numbering?.NumberingId?.Val?.Value is { } numId && numId != 0)
        {
            label = state.Numbering.Next(numId, numbering.NumberingLevelReference?.Val?.Value ?? 0);
        }

        var full = label is null ? text : label + " " + text;
        int? headingLevel = styleName.Equals("Title", StringComparison.OrdinalIgnoreCase) ? 1
            : styleName.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(styleName.AsSpan(8), out var h) ? h
            : outline is { } o and < 9 ? o + 1
            : null;

        if (headingLevel is { } level)
        {
            state.Blocks.Add(new Block(BlockKind.Heading, full, state.Page, level));
        }
        else if (numbering is not null)
        {
            state.Blocks.Add(new Block(BlockKind.ListItem, full, state.Page));
        }
        else
        {
            state.Blocks.Add(new Block(BlockKind.Paragraph, full, state.Page));
        }
    }

    private static string ParagraphText(OpenXmlElement paragraph, State state)
    {
        var sb = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case Break br when br.Type?.Value == BreakValues.Page:
                    state.NewPage();
                    break;
                case Break:
                    sb.Append('\n');
                    break;
                case LastRenderedPageBreak:
                    state.NewPage();
                    break;
                default:
                    break;
            }
        }

        return sb.ToString();
    }

    private static void VisitTable(Table table, State state)
    {
        var rows = new List<IReadOnlyList<string>>();
        int? headerRows = null;
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>()
                .Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => ParagraphText(p, state).Trim()).Where(s => s.Length > 0)))
                .ToList();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            if (row.TableRowProperties?.GetFirstChild<TableHeader>() is null && headerRows is null && rows.Count > 0)
            {
                headerRows = rows.Count;
            }

            rows.Add(cells);
        }

        if (rows.Count == 0)
        {
            return;
        }

        // Rows marked "repeat as header row" form the header; without marks the first row is the header.
        var headerCount = Math.Max(1, Math.Min(headerRows ?? 1, rows.Count));
        var header = headerCount == 1 ? rows[0]
            : rows[0].Select((_, i) => string.Join(" / ", rows.Take(headerCount).Select(r => i < r.Count ? r[i] : "").Where(s => s.Length > 0).Distinct())).ToList();
        var caption = TableCaption.TakeFrom(state.Blocks);
        state.Blocks.Add(new Block(BlockKind.Table, caption ?? "", state.Page, Table: new TableData(header, rows.Skip(headerCount).ToList(), caption)));
    }

    private sealed class State(WordprocessingDocument document)
    {
        private readonly Dictionary<string, Style> _styles = document.MainDocumentPart?.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];

        public DocxNumbering Numbering { get; } = new(document.MainDocumentPart?.NumberingDefinitionsPart);

        public List<Block> Blocks { get; } = [];

        public int Page { get; private set; } = 1;

        public bool SawPageBreak { get; private set; }

        public Style? Style(string id) => _styles.GetValueOrDefault(id);

        public void NewPage()
        {
            Page++;
            SawPageBreak = true;
        }
    }
}
