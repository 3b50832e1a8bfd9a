namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>OCR character accuracy: 1 − edit distance / length of the reference, whitespace runs collapsed on both sides.</summary>
public static class CharacterAccuracy
{
    public static double Of(string recognised, string reference)
    {
        var a = Collapse(recognised);
        var b = Collapse(reference);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return 1 - (previous[b.Length] / (double)Math.Max(1, b.Length));
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
