using System.Text.RegularExpressions;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Why closest passages are not offered as the answer, in plain words the asker can act on: which of their words the
/// closest passage does not mention ("bolt" — so check that the size table applies), or that it mentions them all yet
/// was not judged to answer.
/// </summary>
internal static partial class ClosestReason
{
    public static string Of(string question, bool zh, IReadOnlySet<string> closestTerms, IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> named)
    {
        var missing = weights.OrderByDescending(w => w.Value)
            .Select(w => w.Key)
            .Where(k => !named.Contains(k) && !EvidenceJudge.Holds(closestTerms, k))
            .Select(k => Surface(question, k))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .ToList();
        if (missing.Count == 0)
        {
            return zh
                ? "最相关的条款提到了问题中的词，但不能确定它直接回答了问题，请核对原文。"
                : "The closest passage mentions the words of your question, but it is not certain that it answers it; check the source.";
        }

        var words = zh ? string.Join("、", missing.Select(m => $"“{m}”")) : string.Join(", ", missing.Select(m => $"“{m}”"));
        return zh
            ? $"最相关的条款没有提到问题中的{words}，请核对它是否适用。"
            : $"The closest passage does not mention {words} from your question; check that it applies.";
    }

    /// <summary>The question's own spelling of an analysed term (its English stem "interv" shown as "interval").</summary>
    private static string Surface(string question, string term)
    {
        if (question.Contains(term, StringComparison.OrdinalIgnoreCase))
        {
            var at = question.IndexOf(term, StringComparison.OrdinalIgnoreCase);
            var word = Word().Match(question, at);
            return word.Success && word.Index == at ? word.Value : question.Substring(at, term.Length);
        }

        return Word().Matches(question).Select(m => m.Value).FirstOrDefault(w => EnglishStemmer.Stem(w.ToLowerInvariant()) == term) ?? term;
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-\.]*")]
    private static partial Regex Word();
}
