using System.Text.RegularExpressions;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>
/// Recognises a numbering label at the start of a block. Only the start counts, and every label form requires the
/// separation a heading has ("第十条 " with a space, "5.3.2 Title"), so a cross-reference inside a sentence
/// ("按5.3.2的规定", "依照本法第十条规定") is never taken for a heading.
/// </summary>
public static partial class ClauseParser
{
    private const string CnNum = "[一二三四五六七八九十百千零〇两]+";

    // Units that may follow a number: "1.6 MPa" is a value, not clause 1.6.
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "mm", "cm", "m", "km", "um", "μm", "nm", "mpa", "kpa", "pa", "bar", "psi", "kg", "g", "t", "n", "kn", "nm", "n·m",
        "h", "min", "s", "ms", "v", "kv", "a", "ma", "w", "kw", "mw", "hz", "khz", "rpm", "l", "ml", "%", "°", "℃", "°c",
        "in", "inch", "inches", "ft", "lb", "lbs", "oz", "gal", "years", "year", "days", "day", "hours", "percent",
        "毫米", "厘米", "米", "千克", "公斤", "吨", "小时", "分钟", "秒", "天", "日", "年", "个", "人", "元", "万元",
    };

    /// <summary>Returns the label at the start of <paramref name="text"/>, or null.</summary>
    public static ClauseLabel? Parse(string text)
    {
        var s = text.TrimStart();
        if (s.Length == 0)
        {
            return null;
        }

        Match m;
        if ((m = ChineseDivision().Match(s)).Success)
        {
            var kind = m.Groups["unit"].Value switch
            {
                "编" or "部分" => ClauseKind.Part,
                "章" => ClauseKind.Chapter,
                "节" => ClauseKind.Section,
                _ => ClauseKind.Article,
            };
            var depth = kind switch { ClauseKind.Part => 1, ClauseKind.Chapter => 2, ClauseKind.Section => 3, _ => 4 };
            return new ClauseLabel(kind, m.Groups["label"].Value, depth, s[m.Length..].Trim());
        }

        if ((m = Annex().Match(s)).Success)
        {
            var label = m.Groups["label"].Value;
            return new ClauseLabel(ClauseKind.Annex, label, label.Count(c => c == '.') + 1, s[m.Length..].Trim());
        }

        if ((m = Regulatory().Match(s)).Success && StartsLikeClauseText(s[m.Length..]))
        {
            return new ClauseLabel(ClauseKind.Regulatory, m.Groups["label"].Value, 2, s[m.Length..].Trim());
        }

        if ((m = Dotted().Match(s)).Success && !StartsWithUnit(s[m.Length..]) && StartsLikeClauseText(s[m.Length..]))
        {
            var label = m.Groups["label"].Value;
            return new ClauseLabel(ClauseKind.Numbered, label, label.Count(c => c == '.') + 1, s[m.Length..].Trim());
        }

        if ((m = TopLevelNumber().Match(s)).Success && !StartsWithUnit(s[m.Length..]))
        {
            var rest = s[m.Length..].Trim();
            var candidate = new ClauseLabel(ClauseKind.Numbered, m.Groups["label"].Value, 1, rest);

            // "1 Scope" is a clause title; "3 An airplane's nose-up attitude is known…" is a footnote and
            // "71 Stevenson Street" an address: bare top-level numbers stop at 30.
            if (candidate.IsTitleLike && rest.Length <= 40)
            {
                return candidate;
            }
        }

        if ((m = Item().Match(s)).Success && !Continuation().IsMatch(s[m.Length..]))
        {
            return new ClauseLabel(ClauseKind.Item, m.Groups["label"].Value.Trim(), 5, s[m.Length..].Trim());
        }

        return null;
    }

    /// <summary>True when a block starting with this text begins a new numbered unit or item.</summary>
    public static bool StartsWithLabel(string text) => Parse(text) is not null;

    /// <summary>True when a numbered procedure step label: "1." "2)" "Step 3" "步骤3" "第3步" (not "(1)" sub-items).</summary>
    public static bool IsStep(ClauseLabel label) =>
        label.Kind == ClauseKind.Item && StepLabel().IsMatch(label.Label);

    // Clause text starts like a sentence or title: "11.43 and 11.45" or "(h)(6) of this AD" continue a sentence
    // that a PDF line break happened to cut before the number.
    private static bool StartsLikeClauseText(string rest)
    {
        var t = rest.TrimStart();
        return t.Length == 0 || char.IsUpper(t[0]) || char.IsDigit(t[0]) || CjkText.IsCjk(t[0]) || t[0] is '"' or '“' or '‘' or '(' or '（' or '《';
    }

    private static bool StartsWithUnit(string rest)
    {
        var trimmed = rest.TrimStart();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]) && trimmed[end] is not ('，' or ',' or '。' or '.' or ')' or '）'))
        {
            end++;
        }

        var word = trimmed[..end];
        return Units.Contains(word) || (trimmed[0] is '%' or '℃' or '°' or '×' or 'x' or '-' or '~' or '～' or '–' && end <= 2);
    }

    [GeneratedRegex($@"^(?<label>第{CnNum}(?<unit>编|部分|章|节|条)|第\d{{1,4}}(?<unit>编|部分|章|节|条))(?:[\s\u3000]+|$)")]
    private static partial Regex ChineseDivision();

    [GeneratedRegex(@"^(?<label>附录\s*[A-Z]|[A-Z]\.\d{1,3}(?:\.\d{1,3}){0,4})(?:[\s\u3000]+|$)")]
    private static partial Regex Annex();

    [GeneratedRegex(@"^(?<label>\([a-z]\)(?:\((?:\d{1,2}|[ivx]{1,5}|[A-Z])\))+)(?:[\s\u3000]+|$)")]
    private static partial Regex Regulatory();

    [GeneratedRegex(@"^(?<label>[1-9]\d?(?:\.\d{1,3}){1,5})(?:[\s\u3000]+(?=\S)|(?=[\u4e00-\u9fff]))")]
    private static partial Regex Dotted();

    // "(h)(6) of this AD", "(b) and (c)": a reference that a line break put at the start of a line.
    [GeneratedRegex(@"^\s*(?:\([a-z0-9]{1,4}\)\s*)*(?:of|and|or|to|in|through|under|for|as|is|are|shall|must)\b")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"^(?:\d{1,2}[.．、)）]|(?:Step|STEP|步骤)\s*\d{1,2}[:：.]?|第\d{1,2}步)$")]
    private static partial Regex StepLabel();

    [GeneratedRegex(@"^(?<label>[1-9]|[12]\d|30)[\s\u3000]+(?=[A-Z\u4e00-\u9fff])")]
    private static partial Regex TopLevelNumber();

    [GeneratedRegex($@"^(?<label>{CnNum}、|[（(]{CnNum}[)）]|[（(]\d{{1,2}}[)）]|[（(][a-zA-Z][)）]|\d{{1,2}}[.．、)）](?!\d)|[a-z][.)](?=\s)|(?:Step|STEP|步骤)\s*\d{{1,2}}[:：.]?|第\d{{1,2}}步)[\s\u3000]*")]
    private static partial Regex Item();
}
