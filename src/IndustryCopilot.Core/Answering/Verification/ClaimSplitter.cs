using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Cuts a sentence into the claims it makes. A "the sources do not say X, but Y" sentence says nothing checkable in
/// its first half and a fact in its second: only the second is a claim, and it needs its citation like any other. A
/// sentence stating several measured values ("change the oil every 2000 h and the filter every 500 h") is one claim
/// per value-bearing part, each aligned on its own; parts without a measured value (a size, a grade, a subject) stay
/// with the value they follow up to, so "M12, grade 8.8, 115 N·m" remains one claim that one row must hold whole;
/// what trails the last value is a claim of its own.
/// </summary>
internal static partial class ClaimSplitter
{
    public static List<string> Split(string sentence)
    {
        var claims = new List<string>();
        foreach (var part in Contrast().Split(sentence))
        {
            var text = part.Trim();
            if (text.Length == 0 || !text.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            // A part that only says the sources are silent claims nothing (unless it slips in a value).
            if (GeneratedAnswerVerifier.IsNoAnswerStatement(text) && !text.Any(char.IsDigit))
            {
                continue;
            }

            claims.AddRange(ByValue(text));
        }

        return claims;
    }

    private static List<string> ByValue(string text)
    {
        // Parts as spans of the sentence, so a claim made of several parts keeps its own words and punctuation.
        var parts = new List<(int Start, int End)>();
        var from = 0;
        foreach (Match joint in Joint().Matches(text))
        {
            parts.Add((from, joint.Index));
            from = joint.Index + joint.Length;
        }

        parts.Add((from, text.Length));
        parts.RemoveAll(p => text[p.Start..p.End].Trim().Length == 0);
        if (parts.Count < 2)
        {
            return [text];
        }

        var claims = new List<string>();
        int? pending = null;
        foreach (var (start, end) in parts)
        {
            pending ??= start;
            if (Quantities.In(text[start..end]).Any(q => q.HasUnit))
            {
                claims.Add(text[pending.Value..end].Trim());
                pending = null;
            }
        }

        if (pending is { } rest)
        {
            if (claims.Count == 0)
            {
                return [text];
            }

            // What follows the last value ("…, using ISO VG 46 oil") is a claim of its own, checked on its own.
            claims.Add(text[rest..].Trim().TrimEnd('.', '。'));
        }

        return claims;
    }

    [GeneratedRegex(@"\s*[,，;；]?\s*(?:\bbut\b|\bhowever\b|\byet\b|\balthough\b|\bthough\b|但是|但|不过|然而|可是)[,，]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    [GeneratedRegex(@"\s*[;；]\s*|\s*[,，](?!\d)\s*(?:and\s+|并且?|且|和)?|\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joint();
}
