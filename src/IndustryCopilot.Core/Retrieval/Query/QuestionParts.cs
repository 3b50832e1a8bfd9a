using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>
/// The sub-questions of a question that asks two or more things at once (工伤一级伤残的补助金是多少？"本人工资"怎么确定？).
/// Searched as one query, the part with the rarer words wins every slot of the head; searched part by part, each part
/// gets its own best passage. Only question marks split: a sentence of background before the question ("A contractor
/// is servicing our press. Whose lockout procedure governs?") is not a question of its own, and searched alone it
/// pulls in passages about the background.
/// </summary>
public static partial class QuestionParts
{
    /// <summary>Most parts searched (the first ones); each part costs one lexical query.</summary>
    public const int MaxParts = 4;

    /// <summary>Fewest content terms a part needs to be searched on its own ("怎么办？" alone finds nothing useful).</summary>
    public const int MinTerms = 2;

    /// <summary>The parts of <paramref name="question"/>, or an empty list when it asks one thing.</summary>
    public static IReadOnlyList<string> Split(string question)
    {
        var parts = AfterQuestionMark().Split(question)
            .Select(p => p.Trim())
            .Where(p => p.Length > 0 && p[^1] is '？' or '?' && QueryAnalyzer.ContentTerms(p).Count >= MinTerms)
            .Take(MaxParts)
            .ToList();
        return parts.Count >= 2 ? parts : [];
    }

    [GeneratedRegex(@"(?<=[？?])", RegexOptions.CultureInvariant)]
    private static partial Regex AfterQuestionMark();
}
