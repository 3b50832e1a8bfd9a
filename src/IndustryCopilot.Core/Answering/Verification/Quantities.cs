using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Finds the values a text states, as <see cref="Quantity"/>s: numbers and ranges with their units read as units —
/// symbols (mm, N·m, MPa, °C, h), spelled out (millimetres, hours, degrees Celsius) or Chinese (毫米, 小时, 摄氏度) —
/// never as letters inside a word (the "m" of "mm", the "h" of "hours"). Number words are read as numbers first
/// (<see cref="NumberWords"/>). A range or a tolerance is kept with its value.
/// </summary>
internal static partial class Quantities
{
    // Each spelling, with what it measures and its size in the dimension's base unit.
    private static readonly (string[] Spellings, string Dimension, double Factor, string? Scale)[] Units =
    [
        (["N·m", "N・m", "N.m", "Nm", "N m", "newton metres", "newton meters", "newton-metres", "newton-meters", "牛·米", "牛米", "牛顿米"], "torque", 1, null),
        (["kN·m", "kNm"], "torque", 1000, null),
        (["MPa", "megapascals", "megapascal", "兆帕"], "pressure", 1e6, null),
        (["kPa", "kilopascals", "kilopascal", "千帕"], "pressure", 1e3, null),
        (["Pa", "pascals", "pascal", "帕"], "pressure", 1, null),
        (["bar", "bars", "巴"], "pressure", 1e5, null),
        (["mbar"], "pressure", 100, null),
        (["psi"], "pressure-psi", 1, null),
        (["µm", "μm", "um", "microns", "micrometres", "micrometers", "微米"], "length", 1e-6, null),
        (["mm", "millimetres", "millimeters", "millimetre", "millimeter", "毫米"], "length", 1e-3, null),
        (["cm", "centimetres", "centimeters", "centimetre", "centimeter", "厘米"], "length", 1e-2, null),
        (["m", "metres", "meters", "metre", "meter", "米"], "length", 1, null),
        (["km", "kilometres", "kilometers", "千米", "公里"], "length", 1e3, null),
        (["inches", "inch"], "length", 0.0254, null),
        (["ft", "feet", "foot"], "length", 0.3048, null),
        (["mg", "milligrams", "毫克"], "mass", 1e-6, null),
        (["g", "grams", "gram", "克"], "mass", 1e-3, null),
        (["kg", "kilograms", "kilogram", "千克", "公斤"], "mass", 1, null),
        (["t", "tonnes", "tonne", "tons", "吨"], "mass", 1e3, null),
        (["lb", "lbs", "pounds"], "mass-lb", 1, null),
        (["mV", "millivolts"], "voltage", 1e-3, null),
        (["V", "volts", "volt", "伏", "伏特"], "voltage", 1, null),
        (["kV", "kilovolts", "千伏"], "voltage", 1e3, null),
        (["mA", "milliamps", "milliamperes", "毫安"], "current", 1e-3, null),
        (["A", "amps", "amperes", "安", "安培"], "current", 1, null),
        (["kA"], "current", 1e3, null),
        (["W", "watts", "瓦"], "power", 1, null),
        (["kW", "kilowatts", "千瓦"], "power", 1e3, null),
        (["MW", "megawatts", "兆瓦"], "power", 1e6, null),
        (["Hz", "hertz", "赫兹"], "frequency", 1, null),
        (["kHz"], "frequency", 1e3, null),
        (["rpm", "r/min", "RPM", "转/分", "转每分钟"], "speed", 1, null),
        (["ms", "milliseconds", "毫秒"], "time", 1e-3, null),
        (["s", "sec", "secs", "seconds", "second", "秒", "秒钟"], "time", 1, null),
        (["min", "mins", "minutes", "minute", "分钟", "分"], "time", 60, null),
        (["h", "hr", "hrs", "hours", "hour", "小时", "个小时", "钟头"], "time", 3600, null),
        // Hours counted on a machine are hours: "4,000 operating hours" states 4,000 h.
        (["operating hours", "operating hour", "running hours", "service hours", "engine hours", "machine hours", "working hours", "run hours", "运行小时", "工作小时"], "time", 3600, null),
        (["calendar days"], "time", 86400, null),
        (["d", "days", "day", "天", "日"], "time", 86400, null),
        (["weeks", "week", "周", "星期"], "time", 604800, null),
        (["months", "month", "个月", "月"], "months", 1, null),
        (["years", "year", "年"], "months", 12, null),
        (["°C", "℃", "° C", "degrees Celsius", "degrees C", "deg C", "摄氏度"], "temperature", 1, "C"),
        (["°F", "℉", "degrees Fahrenheit", "degrees F", "deg F", "华氏度"], "temperature", 1, "F"),
        (["K", "kelvin"], "temperature", 1, "K"),
        (["°", "degrees", "degree", "度"], "angle", 1, null),
        (["%", "percent", "per cent", "％"], "percent", 1, null),
        (["‰", "per mille"], "percent", 0.1, null),
        (["mL", "ml", "millilitres", "milliliters", "毫升"], "volume", 1e-3, null),
        (["L", "l", "litres", "liters", "litre", "liter", "升"], "volume", 1, null),
        (["dB", "decibels"], "sound", 1, null),
        (["ppm"], "ratio-ppm", 1, null),
        (["倍", "times"], "multiple", 1, null),
        (["次"], "count-times", 1, null),
        (["人", "名"], "people", 1, null),
        (["元"], "money", 1, null),
        (["万元"], "money", 1e4, null),
        (["亿元"], "money", 1e8, null),
        (["个工作日", "working days", "business days"], "working-days", 1, null),
    ];

    private static readonly Dictionary<string, (string Dimension, double Factor, string? Scale)> BySpelling = Build();

    private static readonly Regex Pattern = new(
        @"(?<![\d.,])(?<number>[±+\-]?\d+(?:[.,]\d+)*)(?:\s*(?<to>~|～|-|–|—|至|到|to|and|±|\+/-)\s*(?<high>\d+(?:[.,]\d+)*))?(?:\s*(?<unit>" + string.Join("|", BySpelling.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![A-Za-z]|-\d))?",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex UnitName = new(
        @"(?<![A-Za-z])(?:" + string.Join("|", BySpelling.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![A-Za-z])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The values stated in <paramref name="text"/>, in order; number words count.</summary>
    public static List<Quantity> In(string text)
    {
        var found = new List<Quantity>();
        Read(NumberWords.ToDigits(ListOrdinal().Replace(text.Normalize(NormalizationForm.FormKC), "")), found);
        return found;
    }

    private static void Read(string text, List<Quantity> found)
    {
        foreach (Match m in Pattern.Matches(text))
        {
            // "±0.20" is a tolerance: the range −0.20…+0.20, the same on either side of the comparison.
            var written = m.Groups["number"].Value;
            var tolerance = written.StartsWith('±');
            if (Value(tolerance ? written[1..] : written) is not { } low)
            {
                continue;
            }

            if (tolerance && !m.Groups["high"].Success)
            {
                var unitOf = m.Groups["unit"].Success ? BySpelling[m.Groups["unit"].Value] : default;
                found.Add(new Quantity(m.Value.Trim(), -low, low, m.Groups["unit"].Success ? unitOf.Dimension : null, m.Groups["unit"].Success ? unitOf.Factor : 1, unitOf.Scale));
                continue;
            }

            var to = m.Groups["to"].Value;
            // "M10 to 49", "1804-2000", "步骤 2 到 3": two numbers, not a range. A range joined by words or a hyphen
            // needs a unit after it and a number that is not the tail of a code.
            var codeTail = m.Index > 0 && char.IsLetter(text[m.Index - 1]);
            if (m.Groups["high"].Success && to is "to" or "and" or "-" or "–" or "—" && (!m.Groups["unit"].Success || codeTail))
            {
                found.Add(new Quantity(m.Groups["number"].Value, low, low, null, 1, null));
                Read(text[m.Groups["high"].Index..(m.Index + m.Length)], found);
                continue;
            }

            var high = m.Groups["high"].Success && Value(m.Groups["high"].Value) is { } h ? h : low;
            // "25 ± 2" is 23–27; "and" joins a range only with a unit after it ("between 20 and 25 °C").
            if (to is "±" or "+/-")
            {
                (low, high) = (low - high, low + high);
            }
            else if (to == "and" && !m.Groups["unit"].Success)
            {
                high = low;
            }

            var unit = m.Groups["unit"].Success ? BySpelling[m.Groups["unit"].Value] : default;
            found.Add(new Quantity(m.Value.Trim(), Math.Min(low, high), Math.Max(low, high), m.Groups["unit"].Success ? unit.Dimension : null, m.Groups["unit"].Success ? unit.Factor : 1, unit.Scale));
        }
    }

    /// <summary>The units a text names without a value, as a table header does ("Torque (N·m)", "间隔（h）").</summary>
    public static List<Quantity> NamedIn(string text)
    {
        var named = new List<Quantity>();
        foreach (Match m in UnitName.Matches(text.Normalize(NormalizationForm.FormKC)))
        {
            var (dimension, factor, scale) = BySpelling[m.Value];
            named.Add(new Quantity(m.Value, 0, 0, dimension, factor, scale));
        }

        return named;
    }

    /// <summary>"4,000" is four thousand; "0,5" (a decimal comma) is a half.</summary>
    private static double? Value(string text)
    {
        var clean = ThousandsComma().IsMatch(text) ? text.Replace(",", "", StringComparison.Ordinal) : text.Replace(',', '.');
        return double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static Dictionary<string, (string, double, string?)> Build()
    {
        var map = new Dictionary<string, (string, double, string?)>(StringComparer.Ordinal);
        foreach (var (spellings, dimension, factor, scale) in Units)
        {
            foreach (var spelling in spellings)
            {
                map[spelling] = (dimension, factor, scale);
                if (spelling.Length > 3 && char.IsLower(spelling[0]))
                {
                    map[char.ToUpperInvariant(spelling[0]) + spelling[1..]] = (dimension, factor, scale);
                }
            }
        }

        return map;
    }

    [GeneratedRegex(@"^[±+\-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsComma();

    // A leading "1." / "2、" / "(3)" of a list item is not a value.
    [GeneratedRegex(@"^\s*(?:\(?\d{1,2}[.、)）]\s+|\d{1,2}、|[-*•]\s+)")]
    private static partial Regex ListOrdinal();
}
