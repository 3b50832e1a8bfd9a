namespace IndustryCopilot.Core.Index.Lexical;

/// <summary>
/// A light English stemmer (plural, -ed and -ing endings, in the spirit of Porter's step 1): enough for "evaluations"
/// to meet "evaluation" and "trained" to meet "training", without the over-stemming that merges unrelated words.
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && (w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        foreach (var suffix in new[] { "ing", "ed" })
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3 && HasVowel(w[..^suffix.Length]))
            {
                w = w[..^suffix.Length];
                // "stopped" → "stop", but "falling" keeps "fall" and "passed" keeps "pass".
                if (w.Length >= 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !IsVowel(w[^1]))
                {
                    w = w[..^1];
                }

                break;
            }
        }

        return w.EndsWith('e') && w.Length > 4 ? w[..^1] : w;
    }

    private static bool HasVowel(string s) => s.Any(IsVowel);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
