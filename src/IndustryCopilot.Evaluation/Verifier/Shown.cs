using System.Text.RegularExpressions;

namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>Whether a planted sentence (or each of several, one per line) reached the reader: its words (markers, spacing, punctuation and case aside) inside the answer's text.</summary>
public static partial class Shown
{
    public static bool In(string planted, string answer)
    {
        var text = Plain(answer);
        var parts = planted.Split('\n').Select(Plain).Where(p => p.Length > 0).ToList();
        return parts.Count > 0 && parts.All(p => text.Contains(p, StringComparison.Ordinal));
    }

    private static string Plain(string text) => Noise().Replace(Marker().Replace(text, ""), "").ToLowerInvariant();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[\s.,;:。，；：!?！？""“”'‘’()（）]")]
    private static partial Regex Noise();
}
