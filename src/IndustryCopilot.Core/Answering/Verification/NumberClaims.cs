using System.Text;
using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Numbers (with their units) stated in a sentence, and whether a source states them too. Both sides are normalised
/// first: full-width forms to ASCII (NFKC), no spaces, one middle dot, lower case; so "２５ N・m" matches "25N·m".
/// A number without a known unit must occur as a whole number (not as part of a longer one).
/// </summary>
internal static partial class NumberClaims
{
    /// <summary>"25 N·m", "0.05 mm", "21", each as written.</summary>
    public static IReadOnlyList<string> In(string sentence) => [.. Claims(sentence).Select(m => m.Value.Trim())];

    /// <summary>
    /// Whether the cited sources state a sentence's number: with its unit, or — as in a table whose header names the
    /// unit ("Torque (N·m)" over "82") — the bare number together with the unit somewhere in the same source.
    /// </summary>
    public static string? FirstUnstated(string sentence, IReadOnlyList<string> normalizedSources)
    {
        foreach (Match m in Claims(sentence))
        {
            var number = m.Groups["number"].Value;
            var unit = m.Groups["unit"].Value;
            var stated = normalizedSources.Any(source =>
                StatedIn(m.Value, source) ||
                (unit.Length > 0 && StatedIn(number, source) && source.Contains(Normalize(unit), StringComparison.Ordinal)));
            if (!stated)
            {
                return m.Value.Trim();
            }
        }

        return null;
    }

    private static MatchCollection Claims(string sentence) => Number().Matches(ListOrdinal().Replace(sentence, ""));

    public static string Normalize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c is '・' or '∙' or '•' or '⋅' ? '·' : c is '–' or '—' or '～' or '〜' ? '~' : c);
        }

        return builder.ToString();
    }

    /// <summary>Whether the normalised source text states the claim.</summary>
    public static bool StatedIn(string claim, string normalizedSource)
    {
        var needle = Normalize(claim);
        for (var at = normalizedSource.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalizedSource.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : normalizedSource[at - 1];
            var afterIndex = at + needle.Length;
            var after = afterIndex >= normalizedSource.Length ? ' ' : normalizedSource[afterIndex];
            var numberEnds = char.IsDigit(needle[^1]);
            if (!char.IsDigit(before) && before != '.' && !(numberEnds && (char.IsDigit(after) || (after == '.' && afterIndex + 1 < normalizedSource.Length && char.IsDigit(normalizedSource[afterIndex + 1])))))
            {
                return true;
            }
        }

        return false;
    }

    // A leading "1." / "2、" / "(3)" of a list item is not a claim.
    [GeneratedRegex(@"^\s*(?:\(?\d{1,2}[.、)）]\s+|\d{1,2}、|[-*•]\s+)")]
    private static partial Regex ListOrdinal();

    [GeneratedRegex(@"(?<![\d.])(?<number>[±+\-]?\d+(?:[.,]\d+)*(?:\s*(?:~|～|-|–|至|到|±)\s*\d+(?:[.,]\d+)*)?)(?:\s*(?<unit>N·m|N・m|N\.m|Nm|kN|MPa|kPa|Pa|bar|psi|mm|cm|km|µm|μm|um|m|in|ft|kg|mg|g|t|lb|kV|mV|V|kA|mA|A|kW|MW|W|kHz|Hz|rpm|r/min|ms|min|s|h|°C|℃|°F|°|%|‰|mL|ml|L|dB|ppm|K|毫米|厘米|千米|公里|米|毫升|升|千克|公斤|克|吨|牛·米|牛米|兆帕|千帕|帕|千伏|伏|安|千瓦|瓦|秒|分钟|小时|天|日|个月|月|年|摄氏度|度|倍|次|人|万元|元)(?![A-Za-z]))?")]
    private static partial Regex Number();
}
