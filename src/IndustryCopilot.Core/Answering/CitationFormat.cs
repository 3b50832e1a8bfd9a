using System.Text.RegularExpressions;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Answering;

/// <summary>How citations and page ranges are written for people.</summary>
public static partial class CitationFormat
{
    /// <summary><c>p. 4</c>, <c>pp. 4–5</c>, or null for formats without pages.</summary>
    public static string? Pages(int? start, int? end) =>
        start is null ? null : start == end || end is null ? $"p. {start}" : $"pp. {start}–{end}";

    public static string? Pages(Chunk chunk) => Pages(chunk.PageStart, chunk.PageEnd);

    /// <summary>
    /// A revision as one format for every document: <c>Rev. C</c>, whatever label the document put before it (<c>版本: C</c>,
    /// <c>Rev. D</c>, <c>Revision 2</c>, <c>第C版</c>); a revision that is words (<c>第三次修正</c>) as it is.
    /// </summary>
    public static string? Revision(string? revision) => Bare(revision) is { } bare ? (bare.Any(c => c > 0x2E80) ? bare : "Rev. " + bare) : null;

    /// <summary>The revision without its label: <c>版本: C</c>, <c>Rev. C</c>, <c>rev C</c>, <c>Revision C</c>, <c>第C版</c> are all <c>C</c>.</summary>
    public static string? Bare(string? revision)
    {
        if (string.IsNullOrWhiteSpace(revision))
        {
            return null;
        }

        var bare = RevisionLabel().Replace(revision.Trim(), "").Trim();
        var edition = Edition().Match(bare);
        return edition.Success ? edition.Groups[1].Value : bare.Length > 0 ? bare : revision.Trim();
    }

    /// <summary>One line: <c>[n] Title (number or file, Rev. R) — section › clause, p. 4</c>.</summary>
    public static string Line(Citation c)
    {
        // A document without a number (a torque table, a spreadsheet) is named by its file, so an auditor can find it.
        var identity = string.Join(", ", new[] { c.DocumentNumber ?? FileName(c.SourcePath), Revision(c.Revision) }.Where(s => !string.IsNullOrEmpty(s)));
        var ocr = c.OcrConfidence is { } confidence ? $"OCR {confidence:0}%" : null;
        var rows = c.TableRows is { } r ? (c.TableLabel is null ? "" : c.TableLabel + " ") + (r.First == r.Last ? $"row {r.First}" : $"rows {r.First}–{r.Last}") : null;
        var where = string.Join(", ", new[] { c.SectionPath, rows, Pages(c.PageStart, c.PageEnd), ocr }.Where(s => !string.IsNullOrEmpty(s)));
        return $"[{c.Number}] {c.DocumentTitle}{(identity.Length > 0 ? $" ({identity})" : "")}{(where.Length > 0 ? " — " + where : "")}";
    }

    private static string? FileName(string path) => string.IsNullOrEmpty(path) ? null : Path.GetFileName(path);

    [GeneratedRegex(@"^(?:版本|版次|修订版|修订|revision|rev)\s*[.:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RevisionLabel();

    [GeneratedRegex(@"^第\s*([A-Za-z0-9]+)\s*版$")]
    private static partial Regex Edition();
}
