using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Answerability;
using IndustryCopilot.Evaluation.Metrics;

namespace IndustryCopilot.Evaluation.Tests.Metrics;

public sealed class AnswerSummaryTests
{
    private static AnswerRecord Record(string kind, double coverage, double p, bool cites, bool shows) =>
        new("set", Guid.NewGuid().ToString("N"), kind, [coverage, .. new double[AnswerabilitySignals.Names.Count - 1]], p, cites, shows);

    [Fact]
    public void Of_MixedOutcomes_CountsAndTheFourTargetFigures()
    {
        AnswerRecord[] records =
        [
            Record("answerable", 0.9, 0.95, cites: true, shows: true),   // answered, correct
            Record("answerable", 0.9, 0.95, cites: false, shows: true),  // answered, wrong passage
            Record("answerable", 0.5, 0.40, cites: true, shows: true),   // closest, gold shown
            Record("answerable", 0.5, 0.40, cites: true, shows: false),  // closest, gold not shown
            Record("answerable", 0.01, 0.01, cites: true, shows: true),  // gate: not found
            Record("unanswerable", 0.9, 0.99, cites: false, shows: false), // answered: a precision miss
            Record("gold-removed", 0.5, 0.30, cites: false, shows: false), // closest
            Record("unanswerable", 0.0, 0.00, cites: false, shows: false), // not found
        ];

        var summary = AnswerSummary.Of(records, r => r.Outcome(r.Probability, gate: 0.05, answer: 0.9));

        Assert.Equal((5, 2, 2, 1), (summary.Answerable, summary.AnswerableAnswered, summary.AnswerableClosest, summary.AnswerableNotFound));
        Assert.Equal((3, 1, 1, 1), (summary.Unanswerable, summary.UnanswerableAnswered, summary.UnanswerableClosest, summary.UnanswerableNotFound));
        Assert.Equal(1 / 3.0, summary.AnsweredPrecision!.Value, 6);
        Assert.Equal(2 / 5.0, summary.AnswerableShownRate!.Value, 6);
        Assert.Equal(2 / 3.0, summary.UnanswerableNotAnswered!.Value, 6);
        Assert.Equal(1 / 5.0, summary.GateFalseRefusals!.Value, 6);
    }

    [Fact]
    public void Of_NoUnanswerableNothingAnswered_FiguresWithoutDenominatorAreNull()
    {
        var summary = AnswerSummary.Of([Record("answerable", 0.5, 0.1, true, true)], r => AnswerOutcome.Closest);

        Assert.Null(summary.AnsweredPrecision);
        Assert.Null(summary.UnanswerableNotAnswered);
        Assert.Equal(1.0, summary.AnswerableShownRate);
    }
}
