using System.Text.RegularExpressions;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>For scripted models that cite as a real one would: the number the prompt gave the source holding some words.</summary>
internal static partial class PromptSources
{
    /// <summary>The [n] of the source block whose text holds <paramref name="anchor"/> ("1" when none does).</summary>
    public static string NumberOf(string prompt, string anchor)
    {
        var at = prompt.IndexOf(anchor, StringComparison.Ordinal);
        var headers = Header().Matches(prompt[..Math.Max(0, at)]);
        return at < 0 || headers.Count == 0 ? "1" : headers[^1].Groups[1].Value;
    }

    [GeneratedRegex(@"^\[(\d+)\] ", RegexOptions.Multiline)]
    private static partial Regex Header();
}
