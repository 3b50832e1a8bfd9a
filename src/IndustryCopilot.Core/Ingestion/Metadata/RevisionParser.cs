using System.Globalization;
using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Ingestion.Metadata;

/// <summary>Finds revision labels and dates, and orders revisions of the same document number.</summary>
public static partial class RevisionParser
{
    /// <summary>Revision label from the opening text: "Rev. C", "Revision 3", "第2版", "A/1版", "2021年…第三次修正".</summary>
    public static string? FindRevision(string text)
    {
        var opening = text.Length > 3000 ? text[..3000] : text;
        var amendments = Amendment().Matches(opening);
        if (amendments.Count > 0)
        {
            return amendments[^1].Groups["what"].Value;
        }

        var m = Revision().Match(opening);
        return m.Success ? m.Value.Trim() : null;
    }

    /// <summary>The latest date in the file name or the opening text (2021-06-10, 2021年6月10日, June 10, 2021).</summary>
    public static DateOnly? FindDate(string fileName, string text)
    {
        var opening = text.Length > 3000 ? text[..3000] : text;
        DateOnly? best = null;
        foreach (var candidate in Dates(fileName).Concat(Dates(opening)))
        {
            if (best is null || candidate > best)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// Orders two revisions of one document: by date when both have one, else by revision label
    /// (numbers numerically, letters alphabetically). Positive when the first revision is newer.
    /// </summary>
    public static int Compare(DateOnly? dateA, string? revisionA, DateOnly? dateB, string? revisionB)
    {
        if (dateA is { } da && dateB is { } db && da != db)
        {
            return da.CompareTo(db);
        }

        return RevisionRank(revisionA).CompareTo(RevisionRank(revisionB));
    }

    private static double RevisionRank(string? revision)
    {
        if (string.IsNullOrWhiteSpace(revision))
        {
            return -1;
        }

        var number = Regex.Match(revision, @"\d+(?:\.\d+)?");
        if (number.Success)
        {
            return double.Parse(number.Value, CultureInfo.InvariantCulture);
        }

        var ordinal = Regex.Match(revision, "第([一二三四五六七八九十]+)次");
        if (ordinal.Success && Chunking.ChineseNumber.Parse(ordinal.Groups[1].Value) is { } n)
        {
            return n;
        }

        var letter = Regex.Match(revision, @"\b([A-Z])\b");
        return letter.Success ? letter.Groups[1].Value[0] - 'A' + 1 : 0;
    }

    private static IEnumerable<DateOnly> Dates(string text)
    {
        foreach (Match m in IsoDate().Matches(text))
        {
            if (TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d)
            {
                yield return d;
            }
        }

        foreach (Match m in ChineseDate().Matches(text))
        {
            if (TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d)
            {
                yield return d;
            }
        }

        foreach (Match m in EnglishDate().Matches(text))
        {
            if (DateTime.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            {
                yield return DateOnly.FromDateTime(dt);
            }
        }
    }

    private static DateOnly? TryDate(string y, string m, string d) =>
        int.TryParse(y, out var year) && int.TryParse(m, out var month) && int.TryParse(d, out var day)
        && year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20|21)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<y>(?:19|20|21)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+(?:19|20)\d{2}\b")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\n]*?(?<what>第[一二三四五六七八九十]+次修(?:正|订)|修(?:正|订))")]
    private static partial Regex Amendment();

    [GeneratedRegex(@"(?:\b(?i:rev\.|rev(?=\s)|revision|edition|version|ver\.)\s*[:#]?\s*(?:\d[0-9A-Za-z.\-]{0,6}|[A-Z](?![A-Za-z]))|第\s*[0-9一二三四五六七八九十]+\s*版|[A-Z]/\d+\s*版|版本[:：]?\s*[A-Z0-9.]+)")]
    private static partial Regex Revision();
}
