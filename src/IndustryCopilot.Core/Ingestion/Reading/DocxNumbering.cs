using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>
/// Renders Word's automatic list numbers ("5.3.2", "（一）", "a)") from numbering.xml. Word stores only the
/// numbering definition, not the rendered text, yet clause numbers in standards are usually automatic.
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, Dictionary<int, Level>> _levelsByNumId = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public DocxNumbering(NumberingDefinitionsPart? part)
    {
        var numbering = part?.Numbering;
        if (numbering is null)
        {
            return;
        }

        var abstracts = numbering.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .ToDictionary(a => a.AbstractNumberId!.Value, a => a.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>()
                .Where(l => l.LevelIndex?.Value is not null)
                .ToDictionary(l => l.LevelIndex!.Value, l => new Level(
                    l.StartNumberingValue?.Val?.Value ?? 1,
                    l.NumberingFormat?.Val?.InnerText ?? "decimal",
                    l.LevelText?.Val?.Value ?? "")));

        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            var numId = instance.NumberID?.Value;
            var abstractId = instance.AbstractNumId?.Val?.Value;
            if (numId is null || abstractId is null || !abstracts.TryGetValue(abstractId.Value, out var levels))
            {
                continue;
            }

            var copy = new Dictionary<int, Level>(levels);
            foreach (var over in instance.Elements<LevelOverride>())
            {
                if (over.LevelIndex?.Value is { } index && over.StartOverrideNumberingValue?.Val?.Value is { } start && copy.TryGetValue(index, out var level))
                {
                    copy[index] = level with { Start = start };
                }
            }

            _levelsByNumId[numId.Value] = copy;
        }
    }

    /// <summary>Advances the counter of (numId, level) and returns the rendered label, or null for bullets.</summary>
    public string? Next(int numId, int level)
    {
        if (!_levelsByNumId.TryGetValue(numId, out var levels) || !levels.TryGetValue(level, out var definition))
        {
            return null;
        }

        if (!_counters.TryGetValue(numId, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < counters.Length; i++)
            {
                counters[i] = (levels.TryGetValue(i, out var l) ? l.Start : 1) - 1;
            }

            _counters[numId] = counters;
        }

        counters[level]++;
        for (var deeper = level + 1; deeper < counters.Length; deeper++)
        {
            counters[deeper] = (levels.TryGetValue(deeper, out var l) ? l.Start : 1) - 1;
        }

        if (definition.Format == "bullet" || definition.Format == "none")
        {
            return null;
        }

        var text = definition.Text;
        for (var i = 0; i <= level && i < 9; i++)
        {
            var format = levels.TryGetValue(i, out var l) ? l.Format : "decimal";
            text = text.Replace($"%{i + 1}", Render(Math.Max(counters[i], 1), format), StringComparison.Ordinal);
        }

        return text.Trim();
    }

    private static string Render(int value, string format) => format switch
    {
        "lowerLetter" => ((char)('a' + ((value - 1) % 26))).ToString(),
        "upperLetter" => ((char)('A' + ((value - 1) % 26))).ToString(),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        "chineseCounting" or "chineseCountingThousand" or "ideographTraditional" or "taiwaneseCounting" => Chinese(value),
        _ => value.ToString(),
    };

    private static string Roman(int value)
    {
        ReadOnlySpan<(int, string)> table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var result = "";
        foreach (var (n, s) in table)
        {
            while (value >= n)
            {
                result += s;
                value -= n;
            }
        }

        return result;
    }

    private static string Chinese(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value < 10)
        {
            return digits[value].ToString();
        }

        if (value < 20)
        {
            return "十" + (value % 10 == 0 ? "" : digits[value % 10].ToString());
        }

        if (value < 100)
        {
            return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10].ToString());
        }

        return value.ToString();
    }

    private sealed record Level(int Start, string Format, string Text);
}
