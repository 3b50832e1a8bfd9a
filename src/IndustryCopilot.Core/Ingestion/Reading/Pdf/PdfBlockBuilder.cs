using IndustryCopilot.Core.Ingestion.Chunking;

namespace IndustryCopilot.Core.Ingestion.Reading.Pdf;

/// <summary>
/// Turns the lines of all pages into headings and paragraphs. A larger font than the body makes a heading
/// (levels by size rank); a clause or item label, a wide vertical gap, a jump to a new column or a font change
/// starts a new paragraph.
/// </summary>
internal static class PdfBlockBuilder
{
    public static List<Block> Build(IReadOnlyList<(int Page, IReadOnlyList<PdfLine> Lines)> pages)
    {
        var all = pages.SelectMany(p => p.Lines).ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var body = BodySize(all);
        // Bold lines mark headings only where running text is not itself bold.
        var boldBody = all.Sum(l => l.Bold ? l.Text.Length : 0) > all.Sum(l => l.Text.Length) / 2;
        bool IsHeading(PdfLine line) => IsHeadingCandidate(line, body) || (!boldBody && IsBoldHeading(line, body));
        var headingSizes = all.Where(IsHeading).Select(l => Math.Round(l.FontSize)).Distinct().OrderDescending().ToList();

        var blocks = new List<Block>();
        foreach (var (page, lines) in pages)
        {
            var fullWidth = TypicalWidth(lines);
            var blockHasLabel = false;
            string text = "";
            PdfLine? previous = null;
            var titleLine = false;
            var kind = BlockKind.Paragraph;
            var level = 0;

            void Flush()
            {
                if (text.Length > 0)
                {
                    blocks.Add(new Block(kind, text, page, kind == BlockKind.Heading ? level : 0));
                }

                text = "";
            }

            var tables = PdfTableDetector.Find(lines);
            for (var index = 0; index < lines.Count; index++)
            {
                if (tables.Find(t => t.Start == index) is { } table)
                {
                    Flush();
                    blocks.Add(new Block(BlockKind.Table, table.Data.Caption ?? "", page, Table: table.Data));
                    index += table.Count - 1;
                    previous = null;
                    continue;
                }

                var line = lines[index];
                var heading = IsHeading(line);
                var label = ClauseParser.Parse(line.Text);
                var lineKind = heading ? BlockKind.Heading : label?.Kind == ClauseKind.Item ? BlockKind.ListItem : BlockKind.Paragraph;
                var newBlock = previous is null
                    || titleLine
                    || line.StartsBlock
                    || (label is not null && !heading && (EndsParagraph(previous, fullWidth) || blockHasLabel))
                    || heading != (kind == BlockKind.Heading)
                    || Math.Abs(line.FontSize - previous.FontSize) > 0.15 * Math.Max(line.FontSize, previous.FontSize)
                    || previous.Baseline - line.Baseline > 2.0 * Math.Max(line.FontSize, previous.FontSize)
                    || line.Baseline > previous.Baseline + previous.FontSize;

                if (newBlock)
                {
                    Flush();
                    blockHasLabel = label is not null;
                    kind = lineKind;
                    level = heading ? Math.Min(6, headingSizes.IndexOf(Math.Round(line.FontSize)) + 1) : 0;
                    text = line.Text;
                }
                else
                {
                    text = CjkText.JoinLines(text, line.Text);
                }

                // "5.3 Tolerances" or "第二章 总则" on a line of its own is a title; the next line starts its body.
                titleLine = newBlock && label is { IsTitleLike: true } && (label.IsDivision || label.Kind is ClauseKind.Numbered or ClauseKind.Annex);
                previous = line;
            }

            Flush();
        }

        return blocks;
    }

    // A label at a line start opens a new block only where the line before could end a paragraph: it ends a
    // sentence or stops short of the column edge. "[See the note to / 29 CFR 1910.147(c)(4)…" continues.
    private static bool EndsParagraph(PdfLine previous, double fullWidth)
    {
        var last = previous.Text[^1];
        return last is '.' or ';' or ':' or '!' or '?' or '。' or '；' or '：' or '！' or '？' or ')' or '）'
            || previous.Right - previous.Left < 0.75 * fullWidth;
    }

    // The width of a full line of running text on the page: the longest lines set the column width.
    private static double TypicalWidth(IReadOnlyList<PdfLine> lines)
    {
        var widths = lines.Where(l => l.Text.Length >= 30).Select(l => l.Right - l.Left).Order().ToList();
        return widths.Count == 0 ? double.MaxValue : widths[(int)(widths.Count * 0.9)];
    }

    // "What is lockout/tagout?" in bold at body size: short, not a sentence that goes on.
    private static bool IsBoldHeading(PdfLine line, double body) =>
        line.Bold && line.FontSize >= body * 0.95 && line.Text.Length <= 100 && line.Text.Any(char.IsLetter)
        && line.Text[^1] is not ('.' or ',' or ';' or '，' or '；' or '。');

    private static bool IsHeadingCandidate(PdfLine line, double body) =>
        line.FontSize >= body * 1.2 && line.Text.Length <= 120 && line.Text.Any(char.IsLetter);

    // The body size is the size most characters are set in.
    private static double BodySize(List<PdfLine> lines) =>
        lines.GroupBy(l => Math.Round(l.FontSize, 1))
            .OrderByDescending(g => g.Sum(l => l.Text.Length))
            .First().Key;
}
