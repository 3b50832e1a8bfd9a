using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Reads Markdown (CommonMark with pipe tables) through Markdig's syntax tree.</summary>
public sealed class MarkdownReader(IngestionOptions options) : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public string Format => "markdown";

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public ReadResult Read(string path, CancellationToken cancellationToken)
    {
        if (FileGuard.CheckSize(path, options) is { } tooBig)
        {
            return ReadResult.Fail(tooBig);
        }

        var (text, _, error) = TextDecoder.Decode(File.ReadAllBytes(path));
        if (text is null)
        {
            return ReadResult.Fail(error ?? "cannot decode text");
        }

        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<Block>();
        foreach (var block in document)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Visit(block, blocks);
        }

        if (blocks.Count == 0)
        {
            return ReadResult.Fail("no text: the Markdown holds no headings, paragraphs or tables");
        }

        var title = blocks.FirstOrDefault(b => b is { Kind: BlockKind.Heading, HeadingLevel: 1 })?.Text;
        return ReadResult.Ok(new ParsedDocument { Format = Format, EmbeddedTitle = title, Blocks = blocks });
    }

    private static void Visit(Markdig.Syntax.Block block, List<Block> output)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var headingText = InlineText(heading.Inline);
                if (headingText.Length > 0)
                {
                    output.Add(new Block(BlockKind.Heading, headingText, null, heading.Level));
                }

                break;
            case ParagraphBlock paragraph:
                var paragraphText = InlineText(paragraph.Inline);
                if (paragraphText.Length > 0)
                {
                    // A paragraph may hold several labelled lines ("（一）…" items without blank lines between).
                    output.AddRange(LineParagraphs.Build(paragraphText.Split('\n'), page: null));
                }

                break;
            case ListBlock list:
                VisitList(list, output);
                break;
            case Table table:
                var data = ReadTable(table);
                if (data is not null)
                {
                    var caption = TableCaption.TakeFrom(output);
                    output.Add(new Block(BlockKind.Table, caption ?? "", null, Table: data with { Caption = caption }));
                }

                break;
            case CodeBlock code:
                var codeText = code.Lines.ToString().Trim();
                if (codeText.Length > 0)
                {
                    output.Add(new Block(BlockKind.Paragraph, codeText, null));
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Visit(child, output);
                }

                break;
            default:
                // HTML blocks (comments such as <!-- INFO END -->), thematic breaks and link definitions carry no text.
                break;
        }
    }

    private static void VisitList(ListBlock list, List<Block> output)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var parts = new List<string>();
            foreach (var child in item)
            {
                if (child is ParagraphBlock p)
                {
                    parts.Add(InlineText(p.Inline));
                }
                else if (child is ListBlock nested)
                {
                    // Emit what we have, then the nested list as its own items, keeping document order.
                    AddItem(list, ref number, parts, output);
                    VisitList(nested, output);
                }
                else
                {
                    Visit(child, output);
                }
            }

            AddItem(list, ref number, parts, output);
        }
    }

    private static void AddItem(ListBlock list, ref int number, List<string> parts, List<Block> output)
    {
        if (parts.Count == 0)
        {
            return;
        }

        var text = string.Join(" ", parts).Replace('\n', ' ');
        if (list.IsOrdered)
        {
            text = $"{number}{list.OrderedDelimiter} {text}";
            number++;
        }

        output.Add(new Block(BlockKind.ListItem, text, null));
        parts.Clear();
    }

    private static TableData? ReadTable(Table table)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => (r.IsHeader, Cells: (IReadOnlyList<string>)r.OfType<TableCell>().Select(CellText).ToList()))
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var headerIndex = Math.Max(0, rows.FindIndex(r => r.IsHeader));
        return new TableData(rows[headerIndex].Cells, rows.Where((_, i) => i != headerIndex).Select(r => r.Cells).ToList());
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline))).Trim();

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        AppendInline(inline, sb);
        return sb.ToString().Trim();
    }

    private static void AppendInline(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LineBreakInline:
                sb.Append('\n');
                break;
            case HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(child, sb);
                }

                break;
            default:
                break;
        }
    }
}
