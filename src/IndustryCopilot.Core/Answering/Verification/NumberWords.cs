using System.Globalization;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Ingestion.Chunking;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Writes numbers given in words as digits, so a value is checked however it is written: English cardinals
/// ("four thousand", "twenty-five", "a dozen", "half an hour", "twice"), Chinese numerals before a unit or measure
/// word (七个工作日, 一千万元, 半小时, 两倍) and 百分之五 (5%). A lone "one" or 一 not followed by a unit stays a word:
/// "one of the filters" and 统一 are not values.
/// </summary>
internal static partial class NumberWords
{
    private static readonly Dictionary<string, long> Small = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000,
    };

    public static string ToDigits(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var s = Percent().Replace(text, m => ChineseNumber.Parse(m.Groups[1].Value) is { } n ? n.ToString(CultureInfo.InvariantCulture) + "%" : m.Value);
        s = ChineseNumeral().Replace(s, m => m.Groups["n"].Value switch
        {
            "半" => "0.5",
            var n when n == "十" && m.Groups["u"].Value == "分" => m.Value, // 十分 is "very"
            var n when ChineseNumber.Parse(n) is { } v && !(v == 1 && n == "一" && m.Groups["u"].Value is "次" or "个" or "名" or "人") => v.ToString(CultureInfo.InvariantCulture),
            _ => m.Groups["n"].Value,
        } + m.Groups["u"].Value);
        s = HalfAn().Replace(s, "0.5 ");
        s = Dozen().Replace(s, "12");
        s = Twice().Replace(s, "2 times");
        return EnglishNumber().Replace(s, English);
    }

    private static string English(Match m)
    {
        long total = 0, current = 0;
        var count = 0;
        foreach (var word in Words().Matches(m.Groups["num"].Value).Select(w => w.Value))
        {
            if (Small.TryGetValue(word, out var small))
            {
                current += small;
                count++;
            }
            else if (Scales.TryGetValue(word, out var scale))
            {
                current = Math.Max(current, 1) * scale;
                count++;
                if (scale >= 1000)
                {
                    total += current;
                    current = 0;
                }
            }
        }

        var value = total + current;
        var after = m.Groups["after"].Value;
        // "one" alone is a word ("one of the filters") unless a unit follows; every other cardinal is a value.
        return count == 1 && value == 1 && !UnitWord().IsMatch(after.Trim()) ? m.Value : value.ToString(CultureInfo.InvariantCulture) + after;
    }

    [GeneratedRegex(@"百分之([零〇一二两三四五六七八九十百]+)")]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<n>[零〇一二两三四五六七八九十百千万]+|半)(?<u>个工作日|个月|个小时|小时|分钟|秒钟?|工作日|万元|亿元|元|日|天|周|年|月|人|名|次|倍|米|毫米|厘米|千米|公里|吨|公斤|千克|克|摄氏度|度|升|毫升|兆帕|千帕|伏|千伏|安|千瓦|瓦|项|级|分|(?=\s?[A-Za-z%°℃‰]))")]
    private static partial Regex ChineseNumeral();

    [GeneratedRegex(@"\bhalf\s+an?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex HalfAn();

    [GeneratedRegex(@"\b(?:a\s+)?dozen\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dozen();

    [GeneratedRegex(@"\btwice\b", RegexOptions.IgnoreCase)]
    private static partial Regex Twice();

    [GeneratedRegex(@"\b(?<num>(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)(?:(?:[\s-]+|\s+and\s+)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million))*)\b(?<after>\s+[A-Za-z°%·]+)?", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?:%|°[CF]?|hours?|minutes?|seconds?|days?|weeks?|months?|years?|mm|millimet(?:re|er)s?|met(?:re|er)s?|bar|psi|percent|degrees?|times|N·m|Nm|kg|litres?|liters?|volts?|amps?)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitWord();
}
