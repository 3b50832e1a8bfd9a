using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Answering;

/// <summary>How citations and page ranges are written for people.</summary>
public static class CitationFormat
{
    /// <summary><c>p. 4</c>, <c>pp. 4–5</c>, or null for formats without pages.</summary>
    public static string? Pages(int? start, int? end) =>
        start is null ? null : start == end || end is null ? $"p. {start}" : $"pp. {start}–{end}";

    public static string? Pages(Chunk chunk) => Pages(chunk.PageStart, chunk.PageEnd);

    /// <summary><c>rev. C</c>; a revision already carrying its own label (<c>版本: C</c>, <c>第三次修正</c>, <c>Rev. D</c>) as it is.</summary>
    public static string? Revision(string? revision) =>
        revision is null ? null
        : revision.StartsWith("rev", StringComparison.OrdinalIgnoreCase) || revision.Any(c => c > 0x2E80) ? revision
        : "rev. " + revision;

    /// <summary>One line: <c>[n] Title (number, rev. R) — section › clause, p. 4</c>.</summary>
    public static string Line(Citation c)
    {
        var identity = string.Join(", ", new[] { c.DocumentNumber, Revision(c.Revision) }.Where(s => !string.IsNullOrEmpty(s)));
        var ocr = c.OcrConfidence is { } confidence ? $"OCR {confidence:0}%" : null;
        var rows = c.TableRows is { } r ? (c.TableLabel is null ? "" : c.TableLabel + " ") + (r.First == r.Last ? $"row {r.First}" : $"rows {r.First}–{r.Last}") : null;
        var where = string.Join(", ", new[] { c.SectionPath, rows, Pages(c.PageStart, c.PageEnd), ocr }.Where(s => !string.IsNullOrEmpty(s)));
        return $"[{c.Number}] {c.DocumentTitle}{(identity.Length > 0 ? $" ({identity})" : "")}{(where.Length > 0 ? " — " + where : "")}";
    }
}
