using System.Globalization;
using System.Text.RegularExpressions;

namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>
/// The edits that turn a source's own sentence into a planted mistake of one kind, or into a correct sentence written
/// another way. Each returns null when the sentence has nothing to edit (no value, no prohibition, no condition).
/// Written from the kinds of mistake, not from any one sentence.
/// </summary>
internal static partial class PlantedEdits
{
    // Units that can be swapped for a non-equivalent one of the same kind, and exact conversions.
    private static readonly Dictionary<string, string> OtherUnit = new(StringComparer.Ordinal)
    {
        ["h"] = "min", ["hours"] = "minutes", ["hour"] = "minute", ["min"] = "h", ["minutes"] = "hours", ["days"] = "weeks", ["mm"] = "cm", ["cm"] = "mm",
        ["m"] = "mm", ["°C"] = "°F", ["℃"] = "°F", ["MPa"] = "kPa", ["kPa"] = "MPa", ["bar"] = "MPa", ["N·m"] = "kN·m", ["kg"] = "g", ["%"] = "‰", ["s"] = "min", ["seconds"] = "minutes",
        ["小时"] = "分钟", ["分钟"] = "小时", ["日"] = "个月", ["天"] = "小时", ["个月"] = "年", ["年"] = "个月", ["毫米"] = "厘米", ["米"] = "毫米", ["万元"] = "元", ["元"] = "万元", ["人"] = "个月",
    };

    private static readonly Dictionary<string, (string Unit, double Factor)> Conversions = new(StringComparer.Ordinal)
    {
        ["h"] = ("min", 60), ["hours"] = ("minutes", 60), ["min"] = ("s", 60), ["minutes"] = ("seconds", 60), ["mm"] = ("µm", 1000), ["cm"] = ("mm", 10), ["m"] = ("mm", 1000),
        ["MPa"] = ("kPa", 1000), ["kPa"] = ("Pa", 1000), ["bar"] = ("kPa", 100), ["kg"] = ("g", 1000), ["小时"] = ("分钟", 60), ["分钟"] = ("秒", 60), ["米"] = ("毫米", 1000), ["万元"] = ("元", 10000),
    };

    public static Match? FirstValue(string text) => Value().Match(text) is { Success: true } m ? m : null;

    public static IEnumerable<Match> Values(string text) => Value().Matches(text);

    /// <summary>The same value in another unit that is not equivalent (2 h → 2 min).</summary>
    public static string? WrongUnit(string text) =>
        FirstValue(text) is { } m && OtherUnit.TryGetValue(m.Groups["unit"].Value, out var other) && Number(m.Groups["number"].Value) is not (null or 0)
            ? text[..m.Groups["unit"].Index] + other + text[(m.Groups["unit"].Index + m.Groups["unit"].Length)..]
            : null;

    /// <summary>The same value converted exactly (2 h → 120 min), or a small number in words (5 h → five h).</summary>
    public static string? Equivalent(string text, bool chinese)
    {
        if (FirstValue(text) is not { } m || Number(m.Groups["number"].Value) is not { } value)
        {
            return null;
        }

        if (Conversions.TryGetValue(m.Groups["unit"].Value, out var to))
        {
            var converted = (value * to.Factor).ToString("0.####", CultureInfo.InvariantCulture);
            return text[..m.Index] + converted + (chinese ? "" : " ") + to.Unit + text[(m.Index + m.Length)..];
        }

        return value is >= 2 and <= 19 && value == Math.Floor(value) ? text[..m.Groups["number"].Index] + Words((int)value, chinese) + text[(m.Groups["number"].Index + m.Groups["number"].Length)..] : null;
    }

    /// <summary>Another value (the first one times three, plus one), written in words.</summary>
    public static string? OtherNumberInWords(string text, bool chinese)
    {
        if (FirstValue(text) is not { } m || Number(m.Groups["number"].Value) is not { } value || value != Math.Floor(value) || value > 3000)
        {
            return null;
        }

        var other = (int)(value * 3) + 1;
        return text[..m.Groups["number"].Index] + Words(other, chinese) + (chinese ? "" : " ") + text[(m.Groups["number"].Index + m.Groups["number"].Length)..].TrimStart();
    }

    /// <summary>The first value replaced by <paramref name="replacement"/> (a value of another row or step).</summary>
    public static string? WithValue(string text, string replacement) =>
        FirstValue(text) is { } m && m.Groups["number"].Value != replacement
            ? text[..m.Groups["number"].Index] + replacement + text[(m.Groups["number"].Index + m.Groups["number"].Length)..]
            : null;

    /// <summary>A prohibition turned into an instruction, or (where there is none) the sentence waived.</summary>
    public static string Contradiction(string text, bool chinese)
    {
        var lifted = Prohibition().Replace(text, m => m.Value.ToLowerInvariant() switch
        {
            "不得" or "严禁" or "不准" or "不许" => "可以",
            "禁止" => "允许",
            "不应" => "应",
            "never" => "always",
            "prohibited" => "permitted",
            "forbidden" => "allowed",
            var v when v.StartsWith("must", StringComparison.Ordinal) => "must",
            var v when v.StartsWith("shall", StringComparison.Ordinal) => "shall",
            var v when v.StartsWith("should", StringComparison.Ordinal) => "should",
            var v when v.StartsWith("may", StringComparison.Ordinal) => "may",
            _ => "",
        }, 1);
        if (lifted != text)
        {
            return Spaces().Replace(lifted, " ");
        }

        return chinese ? "无需遵守：" + text : "It is optional to follow this: " + char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>The sentence without its condition ("only after …", 只有…才, 除非 …), or null when it has none.</summary>
    public static string? DroppedCondition(string text)
    {
        // "经检验合格后，方可投入使用" → "可投入使用": the gate before 方可 goes, the permission stays.
        var dropped = ChineseGate().Replace(text, "", 1) is var gated && gated != text ? gated : Condition().Replace(text, "", 1);
        // What is left must still be a statement: five words, or eight characters of Chinese.
        var left = Spaces().Replace(dropped, " ").Trim();
        var enough = left.Any(c => c >= '\u4e00' && c <= '\u9fff') ? left.Length > 8 : left.Split(' ').Length >= 5;
        return dropped != text && enough ? left : null;
    }

    private static double? Number(string text) => double.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Words(int n, bool chinese) => chinese ? Chinese(n) : English(n);

    private static string English(int n)
    {
        string[] small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        if (n < 20)
        {
            return small[n];
        }

        if (n < 100)
        {
            return tens[n / 10] + (n % 10 == 0 ? "" : "-" + small[n % 10]);
        }

        if (n < 1000)
        {
            return small[n / 100] + " hundred" + (n % 100 == 0 ? "" : " and " + English(n % 100));
        }

        return English(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + English(n % 1000));
    }

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n < 10)
        {
            return digits[n].ToString();
        }

        if (n < 20)
        {
            return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        }

        var text = "";
        var units = new[] { (1000, "千"), (100, "百"), (10, "十") };
        var rest = n;
        var zero = false;
        foreach (var (size, name) in units)
        {
            if (rest >= size)
            {
                text += (zero ? "零" : "") + digits[rest / size] + name;
                zero = false;
            }
            else if (text.Length > 0)
            {
                zero = true;
            }

            rest %= size;
        }

        return rest > 0 ? text + (zero ? "零" : "") + digits[rest] : text;
    }

    [GeneratedRegex(@"(?<![\d.A-Za-z-])(?<number>\d+(?:[.,]\d+)?)\s*(?<unit>N·m|MPa|kPa|bar|mm|cm|°C|℃|kg|min|minutes|hours|hour|seconds|days|h|s|m|%|小时|分钟|个月|万元|元|毫米|米|日|天|年|人)(?![A-Za-z])")]
    private static partial Regex Value();

    [GeneratedRegex(@"不得|禁止|严禁|不准|不许|不应|\bmust\s+not\b|\bshall\s+not\b|\bshould\s+not\b|\bmay\s+not\b|\bdo\s+not\b|\bnever\b|\bprohibited\b|\bforbidden\b", RegexOptions.IgnoreCase)]
    private static partial Regex Prohibition();

    [GeneratedRegex(@"只有[^，,。]{1,40}[，,]?(?=才)|才(?=[可能])|除非[^，,。]{1,40}[，,]?|\bonly\s+(?:after|when|if|once)\b[^,.;]{1,80}[,]?|\bunless\b[^,.;]{1,80}[,]?|\buntil\b[^,.;]{1,80}[,]?", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();

    [GeneratedRegex(@"(?:经|取得|待|在|依法)[^，,。；;]{2,40}后[，,]?方(?=可|能)")]
    private static partial Regex ChineseGate();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
