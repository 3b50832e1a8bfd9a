using System.Text;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Character classes and joining rules for Chinese text extracted from layout formats.</summary>
public static class CjkText
{
    /// <summary>True for CJK ideographs and CJK punctuation, which are written without spaces between them.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4e00' and <= '\u9fff'   // unified ideographs
          or >= '\u3400' and <= '\u4dbf'   // extension A
          or >= '\u3000' and <= '\u303f'   // CJK punctuation
          or >= '\uff00' and <= '\uffef'   // full-width forms
          or >= '\uf900' and <= '\ufaff';  // compatibility ideographs

    /// <summary>True for CJK ideographs only (not punctuation).</summary>
    public static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>
    /// Joins two lines of one paragraph. PDF line breaks inside Chinese come out as spaces ("滤 芯"), so Chinese
    /// is rejoined without one; an English word hyphenated at the line end is rejoined keeping the hyphen.
    /// </summary>
    public static string JoinLines(string first, string second)
    {
        if (first.Length == 0)
        {
            return second;
        }

        if (second.Length == 0)
        {
            return first;
        }

        var last = first[^1];
        var next = second[0];
        if (IsCjk(last) && IsCjk(next))
        {
            return first + second;
        }

        if (last == '-' && first.Length > 1 && char.IsLetter(first[^2]) && char.IsLower(next))
        {
            return first + second;
        }

        return first + " " + second;
    }

    /// <summary>Removes single spaces that a layout extractor put between two CJK characters.</summary>
    public static string CollapseCjkSpaces(string text)
    {
        if (text.IndexOf(' ', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && i > 0 && i + 1 < text.Length && IsCjk(text[i - 1]) && IsCjk(text[i + 1]))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
