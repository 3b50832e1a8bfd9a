using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>
/// One question's answerability, as judged and as it turned out: the signals and the shipped model's probability,
/// whether the "answered" composition would cite a gold unit, and whether the closest passages would show one.
/// <paramref name="Kind"/> is <c>answerable</c>, <c>unanswerable</c> (written as such in the set) or
/// <c>gold-removed</c> (an answerable question asked with its gold documents filtered out).
/// </summary>
public sealed record AnswerRecord(string Set, string QuestionId, string Kind, IReadOnlyList<double> Signals, double Probability, bool AnsweredCites, bool ClosestShows, bool HasEvidence = true)
{
    public bool Answerable => Kind == "answerable";

    /// <summary>The best passage's share of the weighted key terms, which the gate looks at.</summary>
    public double Coverage => Signals[0];

    /// <summary>The outcome with <paramref name="probability"/> and the thresholds given.</summary>
    public AnswerOutcome Outcome(double probability, double gate, double answer) =>
        !HasEvidence || Coverage < gate ? AnswerOutcome.NotFound : probability >= answer ? AnswerOutcome.Answered : AnswerOutcome.Closest;
}
