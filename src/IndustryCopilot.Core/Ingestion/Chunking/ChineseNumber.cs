namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>Parses Chinese numerals as used in article labels (二十一, 一百零五, 两千) and Arabic digits.</summary>
public static class ChineseNumber
{
    /// <summary>Returns the value, or null when the text is not a numeral.</summary>
    public static int? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(text, out var arabic))
        {
            return arabic;
        }

        int total = 0, section = 0, digit = 0;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            if (unit == 10000)
            {
                total += (section + digit) * unit;
                section = 0;
            }
            else
            {
                // "十" alone means 10 ("十五" = 15).
                section += (digit == 0 ? 1 : digit) * unit;
            }

            digit = 0;
        }

        return total + section + digit;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
