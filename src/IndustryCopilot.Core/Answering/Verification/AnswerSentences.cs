using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Splits generated text into sentences with their citation markers. A sentence ends at 。！？；!? , at a full stop
/// followed by a space or the end (not a decimal point), or at a line break; markers right after the end
/// ("…N·m。[1]" or "…N·m [1][2].") belong to it. [1, 3] and [1、3] cite two sources.
/// </summary>
internal static partial class AnswerSentences
{
    public static List<AnswerSentence> Split(string text)
    {
        var sentences = new List<AnswerSentence>();
        var body = new StringBuilder();
        var sources = new List<int>();
        var i = 0;
        var pendingSpace = false;
        while (i < text.Length)
        {
            if (MarkerAt().Match(text, i) is { Success: true } marker)
            {
                // "bolts [1] must" reads "bolts must [1]"; "25 N·m [1]." reads "25 N·m. [1]".
                sources.AddRange(Numbers(marker));
                i += marker.Length;
                pendingSpace = body.Length > 0 && char.IsWhiteSpace(body[^1]);
                while (body.Length > 0 && char.IsWhiteSpace(body[^1]))
                {
                    body.Length--;
                }

                continue;
            }

            var c = text[i];
            if (c == '\n')
            {
                Close(sentences, body, sources, ReadSpace(text, ref i));
                continue;
            }

            if (pendingSpace && !char.IsWhiteSpace(c) && !char.IsPunctuation(c))
            {
                body.Append(' ');
            }

            pendingSpace = false;
            body.Append(c);
            i++;
            var ends = c is '。' or '！' or '？' or '；' or '!' or '?' || (c == '.' && (i >= text.Length || char.IsWhiteSpace(text[i]) || text[i] == '[') && !Abbreviation().IsMatch(body.ToString()));
            if (!ends)
            {
                continue;
            }

            // Markers and closing quotes that follow the end still belong to this sentence.
            while (i < text.Length)
            {
                if (SpacedMarkerAt().Match(text, i) is { Success: true } m)
                {
                    sources.AddRange(Numbers(m));
                    i += m.Length;
                }
                else if (text[i] is '”' or '」' or ')' or '）' or '"')
                {
                    body.Append(text[i++]);
                }
                else
                {
                    break;
                }
            }

            if (i < text.Length && text[i] is '.' or '。')
            {
                body.Append(text[i++]);
                // "…事故；。[1]": markers after that stop belong to the sentence too.
                while (i < text.Length && SpacedMarkerAt().Match(text, i) is { Success: true } after)
                {
                    sources.AddRange(Numbers(after));
                    i += after.Length;
                }
            }

            Close(sentences, body, sources, ReadSpace(text, ref i));
        }

        Close(sentences, body, sources, "");
        return sentences;
    }

    /// <summary>Renders a sentence with its (renumbered) markers after its closing punctuation.</summary>
    public static string Render(string body, IEnumerable<int> numbers, bool chinese)
    {
        var markers = string.Concat(numbers.Select(n => $"[{n}]"));
        if (markers.Length == 0)
        {
            return body;
        }

        return chinese || body.Length == 0 || !".!?".Contains(body[^1], StringComparison.Ordinal)
            ? body + markers
            : body + " " + markers;
    }

    private static void Close(List<AnswerSentence> sentences, StringBuilder body, List<int> sources, string separator)
    {
        var text = body.ToString();
        var trimmed = text.TrimEnd();
        if (trimmed.Length > 0 || sources.Count > 0)
        {
            sentences.Add(new AnswerSentence(trimmed.TrimStart(), [.. sources.Distinct()], text[trimmed.Length..] + separator));
        }
        else if (sentences.Count > 0)
        {
            sentences[^1] = sentences[^1] with { Separator = sentences[^1].Separator + text + separator };
        }

        body.Clear();
        sources.Clear();
    }

    private static string ReadSpace(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    private static IEnumerable<int> Numbers(Match marker) =>
        marker.Groups[1].Value.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Where(n => n >= 0);

    // "1." opening a list item, "e.g.", "No. 5": a full stop that ends no sentence.
    [GeneratedRegex(@"(?:^\s*\(?\d{1,3}\.|\b(?:e\.g|i\.e|No|no|approx|Fig|fig|Rev|rev|vs|cf|etc|Art|Sec|Tab)\.)$")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\G\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\]")]
    private static partial Regex MarkerAt();

    [GeneratedRegex(@"\G[ \t\u3000]*\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\]")]
    private static partial Regex SpacedMarkerAt();
}
