using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Ingestion.Metadata;

/// <summary>
/// Finds a document number: enterprise standards (Q/HD 006-2024), national and international standards (GB/T 1804-2000, ISO 2768-1, IEC 60204-1:2016),
/// US regulations (29 CFR 1910.147), plant document codes (SOP-PR-017, WI-QA-003) and PRC law titles.
/// </summary>
public static partial class DocumentNumberParser
{
    /// <summary>Returns the first document number in the title, else in the opening text, else null.</summary>
    public static string? Find(string? title, string text)
    {
        if (title is not null)
        {
            if (LawTitle().Match(title) is { Success: true } law && law.Value.Length == title.Trim().Length)
            {
                return "《" + law.Value + "》";
            }

            if (Match(title) is { } inTitle)
            {
                return inTitle;
            }
        }

        // Standards state their number on the cover; look only there, so that a normative reference to another
        // document ("2 规范性引用文件 … SOP-PR-017") is never taken for this one's number and used to supersede it.
        var opening = text.Length > 400 ? text[..400] : text;
        return Match(opening);
    }

    private static string? Match(string text)
    {
        var m = Standard().Match(text);
        if (m.Success)
        {
            var prefix = Regex.Replace(m.Groups["prefix"].Value.ToUpperInvariant(), @"\s+", "");
            return $"{prefix} {m.Groups["number"].Value}";
        }

        m = Cfr().Match(text);
        if (m.Success)
        {
            return $"{m.Groups["title"].Value} CFR {m.Groups["part"].Value}";
        }

        m = PlantCode().Match(text);
        return m.Success ? m.Value.ToUpperInvariant() : null;
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?<prefix>Q\s*/\s*[A-Z]{1,6}|GB\s*/\s*[TZ]|GB|JB\s*/\s*T|HG\s*/\s*T|AQ|SH\s*/\s*T|DL\s*/\s*T|ISO(?:\s*/\s*IEC)?|IEC|EN|ASME|ASTM\s+[A-Z]|ANSI|DIN(?:\s+EN)?|JIS\s+[A-Z])\s?(?<number>\d{1,6}(?:\.\d+)?(?:-\d+)*(?:[:\-—–]\d{4})?)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Standard();

    [GeneratedRegex(@"(?<title>\d{1,2})\s+CFR\s+(?:Part\s+)?(?<part>\d{1,4}(?:\.\d{1,4})?)")]
    private static partial Regex Cfr();

    [GeneratedRegex(@"\b(?:SOP|WI|QP|QM|MP|PM|OP|TP|SP|SMP|MM|PR)-[A-Z]{0,4}-?\d{2,5}(?:-[A-Z0-9]{1,4})?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlantCode();

    [GeneratedRegex(@"^(?:中华人民共和国)?[\u4e00-\u9fff（）()]{2,40}(?:法|条例|办法|规定|细则|规则|实施细则)$")]
    private static partial Regex LawTitle();
}
