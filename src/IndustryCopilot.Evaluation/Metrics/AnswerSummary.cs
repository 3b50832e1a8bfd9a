using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>
/// Quote-mode answering over a question set with given thresholds: outcome counts, answered precision (an answered
/// question cites a gold unit), answerable shown (a gold unit among the answered-or-closest citations), unanswerable
/// not answered (closest or not found) and gate false refusals (answerable questions "not found"), plus citation
/// validity and latency of the product's answers. Gold-removed questions count as unanswerable.
/// </summary>
public sealed record AnswerSummary(
    int Answerable, int AnswerableAnswered, int AnswerableClosest, int AnswerableNotFound,
    int Unanswerable, int UnanswerableAnswered, int UnanswerableClosest, int UnanswerableNotFound,
    int AnsweredCorrect, int AnswerableShown, int Citations, int ValidCitations, double P50Ms, double P95Ms)
{
    public double? AnsweredPrecision => AnswerableAnswered + UnanswerableAnswered == 0 ? null : AnsweredCorrect / (double)(AnswerableAnswered + UnanswerableAnswered);

    public double? AnswerableShownRate => Answerable == 0 ? null : AnswerableShown / (double)Answerable;

    public double? UnanswerableNotAnswered => Unanswerable == 0 ? null : (UnanswerableClosest + UnanswerableNotFound) / (double)Unanswerable;

    public double? GateFalseRefusals => Answerable == 0 ? null : AnswerableNotFound / (double)Answerable;

    public double? CitationValidity => Citations == 0 ? null : ValidCitations / (double)Citations;

    /// <summary>The figures when each of <paramref name="records"/> gets the outcome <paramref name="outcome"/> gives it.</summary>
    public static AnswerSummary Of(IReadOnlyList<AnswerRecord> records, Func<AnswerRecord, AnswerOutcome> outcome, int citations = 0, int validCitations = 0, double p50 = 0, double p95 = 0)
    {
        var Outcome = outcome;
        var answerable = records.Where(r => r.Answerable).ToList();
        var other = records.Where(r => !r.Answerable).ToList();
        int Count(List<AnswerRecord> list, AnswerOutcome o) => list.Count(r => Outcome(r) == o);
        return new AnswerSummary(
            answerable.Count, Count(answerable, AnswerOutcome.Answered), Count(answerable, AnswerOutcome.Closest), Count(answerable, AnswerOutcome.NotFound),
            other.Count, Count(other, AnswerOutcome.Answered), Count(other, AnswerOutcome.Closest), Count(other, AnswerOutcome.NotFound),
            answerable.Count(r => Outcome(r) == AnswerOutcome.Answered && r.AnsweredCites),
            answerable.Count(r => Outcome(r) switch { AnswerOutcome.Answered => r.AnsweredCites, AnswerOutcome.Closest => r.ClosestShows, _ => false }),
            citations, validCitations, p50, p95);
    }
}
