namespace IndustryCopilot.Core.Ingestion.Reading.Pdf;

/// <summary>
/// Finds tables on a PDF page from word positions. A table is a run of at least two consecutive, evenly spaced lines
/// that each break into separate runs of text (cells) and mostly hold numbers, under a header: the run's first line
/// when it is words rather than numbers, else the nearest such line above whose words stand over the run's columns
/// (some producers write the header after the body). Columns are the vertical strips of white no word of the header
/// or body crosses, so a header word spanning two number runs ("W/E 02/24/17" over "1.35- 1.42") keeps them one
/// column. A short line just above becomes the caption. Prose, and runs without a header, stay lines.
/// </summary>
internal static class PdfTableDetector
{
    private const int MaxColumns = 12;

    public static List<PdfTable> Find(IReadOnlyList<PdfLine> lines)
    {
        var tables = new List<PdfTable>();
        IReadOnlyList<PdfWord>? lastHeader = null;
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsRow(lines[i]))
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < lines.Count && IsRow(lines[j]) && Follows(lines[j - 1], lines[j], headerAbove: j == i + 1 && IsWords(lines[i])))
            {
                j++;
            }

            if (Build(lines, i, j, tables.Count == 0 ? -1 : tables[^1].Start + tables[^1].Count - 1, lastHeader) is { } found)
            {
                tables.Add(found.Table);
                lastHeader = found.Header;
            }

            i = j;
        }

        return tables;
    }

    private static (PdfTable Table, IReadOnlyList<PdfWord> Header)? Build(IReadOnlyList<PdfLine> lines, int start, int end, int lastUsed, IReadOnlyList<PdfWord>? lastHeader)
    {
        var run = lines.Skip(start).Take(end - start).ToList();
        var headerInRun = IsWords(run[0]);
        var body = headerInRun ? run.Skip(1).ToList() : run;
        if (body.Count < 2 || body.Count(l => l.Words.Any(w => w.Text.Any(char.IsDigit))) < body.Count * 0.5)
        {
            return null;
        }

        var size = run[0].FontSize;
        // Sections of one table ("Ethanol", "Biodiesel" …) under a single header share it.
        var header = headerInRun ? run[0].Words : HeaderAbove(lines, body, size) ?? (lastHeader is not null && Over(lastHeader, body, size) >= 2 ? lastHeader : null);
        if (header is null)
        {
            return null;
        }

        var columns = Columns([.. body.SelectMany(l => l.Words), .. header], 0.6 * size);
        if (columns.Count is < 2 or > MaxColumns)
        {
            return null;
        }

        var rows = body.Select(l => Cells(l.Words, columns)).ToList();
        if (rows.Count(r => r.Count(c => c.Length > 0) >= 2) < rows.Count * 0.6)
        {
            return null;
        }

        var headerCells = Cells(header, columns);
        var first = start;
        string? caption = null;
        if (first - 1 > lastUsed && IsCaption(lines[first - 1], run[0]))
        {
            caption = lines[first - 1].Text;
            first--;
        }

        return (new PdfTable(first, end - first, new TableData(headerCells, rows, caption)), header);
    }

    // Vertical strips covered by some word; the gaps between them (wider than minGap) separate columns.
    private static List<(double Left, double Right)> Columns(IEnumerable<PdfWord> words, double minGap)
    {
        var spans = new List<(double Left, double Right)>();
        foreach (var word in words.OrderBy(w => w.Left))
        {
            if (spans.Count > 0 && word.Left - spans[^1].Right < minGap)
            {
                spans[^1] = (spans[^1].Left, Math.Max(spans[^1].Right, word.Right));
            }
            else
            {
                spans.Add((word.Left, word.Right));
            }
        }

        return spans;
    }

    private static List<string> Cells(IReadOnlyList<PdfWord> words, List<(double Left, double Right)> columns)
    {
        var cells = columns.Select(_ => new List<string>()).ToList();
        foreach (var word in words)
        {
            var middle = (word.Left + word.Right) / 2;
            var index = columns.FindIndex(c => middle >= c.Left - 0.5 && middle <= c.Right + 0.5);
            if (index < 0)
            {
                index = columns.Select((c, k) => (Distance: Math.Min(Math.Abs(middle - c.Left), Math.Abs(middle - c.Right)), k)).MinBy(x => x.Distance).k;
            }

            cells[index].Add(word.Text);
        }

        return cells.Select(c => string.Join(" ", c)).ToList();
    }

    // The nearest line of words above the body (lines on one baseline read as one) that stands over two of its columns.
    private static List<PdfWord>? HeaderAbove(IReadOnlyList<PdfLine> lines, List<PdfLine> body, double size)
    {
        var top = body[0].Baseline;
        var candidates = lines
            .Where(l => l.Baseline > top && l.Baseline <= top + (6 * size) && Math.Abs(l.FontSize - size) <= 0.15 * size)
            .GroupBy(l => Math.Round(l.Baseline))
            .OrderBy(g => g.Key);
        foreach (var group in candidates)
        {
            var words = group.SelectMany(l => l.Words).OrderBy(w => w.Left).ToList();
            if (Over(words, body, size) >= 2 && IsWords(words))
            {
                return words;
            }
        }

        return null;
    }

    // How many of the body's columns the words stand over.
    private static int Over(IReadOnlyList<PdfWord> words, List<PdfLine> body, double size) =>
        Columns(body.SelectMany(l => l.Words), 0.6 * size).Count(c => words.Any(w => w.Left < c.Right && w.Right > c.Left));

    private static bool IsRow(PdfLine line) =>
        line.Segments.Count >= 2 && line.Words.Count >= 2 && line.Segments.Count(IsProse) < 2;

    // Rows are evenly spaced; a header may stand a little further above the first row.
    private static bool Follows(PdfLine above, PdfLine below, bool headerAbove)
    {
        var step = above.Baseline - below.Baseline;
        return step > 0 && step <= (headerAbove ? 3.5 : 2.5) * above.FontSize && Math.Abs(above.FontSize - below.FontSize) <= 0.15 * above.FontSize;
    }

    private static bool IsWords(PdfLine line) => IsWords(line.Words);

    // Header words: mostly letters, and at most one word with digits ("W/E 02/24/17 Last Week Year Ago"), which a
    // table row ("Central U.S. 23.00 22.00- 23.00 18.00 …") never is.
    private static bool IsWords(IReadOnlyList<PdfWord> words) =>
        words.Count >= 2 && words.Count(w => w.Text.Any(char.IsDigit)) <= 1
        && words.Count(w => !w.Text.Any(char.IsDigit) && w.Text.Any(char.IsLetter)) >= words.Count * 0.6;

    private static bool IsCaption(PdfLine line, PdfLine first) =>
        line.Segments.Count == 1 && line.Text.Length <= 100 && line.Text.Any(char.IsLetter)
        && line.Baseline > first.Baseline && line.Baseline - first.Baseline <= 3 * first.FontSize;

    private static bool IsProse(string segment) =>
        segment.Length >= 40 && segment.Count(c => c == ' ') >= 5 && segment.Count(char.IsLower) >= segment.Length / 3;
}
