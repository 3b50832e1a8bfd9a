using IndustryCopilot.Evaluation.Metrics;

namespace IndustryCopilot.Evaluation.Calibration;

/// <summary>
/// Fits the gate, the answerability model and the answer threshold on some question sets, each set weighing the same
/// whatever its size, and measures them on another by leave-one-set-out cross-validation: every figure reported for
/// a set comes from a fit that never saw it.
/// </summary>
public static class AnswerabilityCalibration
{
    /// <summary>Most answerable questions the gate may refuse on any training set.</summary>
    public const double GateRefusalBudget = 0.015;

    /// <summary>
    /// The gate is this share of the coverage the budget allows: a new set's questions may be worded further from
    /// their documents than any training set's (Chinese scenario questions are), and a refused answerable question
    /// costs more than a question the model or the closest passages then handle.
    /// </summary>
    public const double GateSafetyFactor = 0.5;

    /// <summary>Least answered precision over the training sets (above the 0.95 target, for the margin a new set needs).</summary>
    public const double PrecisionTarget = 0.96;

    /// <summary>Answers (in set-equivalents) before precision may stop the threshold walk: the first few swing the ratio.</summary>
    private const double MinimumAnswered = 0.05;

    public static FittedAnswerability Fit(IReadOnlyList<AnswerRecord> records)
    {
        var sizes = records.GroupBy(r => r.Set).ToDictionary(g => g.Key, g => g.Count());

        var gate = 1.0;
        foreach (var set in records.Where(r => r.Answerable).GroupBy(r => r.Set))
        {
            var coverages = set.Select(r => r.Coverage).Order().ToList();
            gate = Math.Min(gate, coverages[(int)Math.Floor(GateRefusalBudget * coverages.Count)]);
        }

        gate *= GateSafetyFactor;
        var passing = records.Where(r => r.HasEvidence && r.Coverage >= gate).ToList();
        var model = LogisticFit.Fit(passing.Select(r => (r.Signals, r.Answerable && r.AnsweredCites, 1.0 / sizes[r.Set])).ToList());

        // Walking down from the most confident: the lowest threshold before set-weighted precision first falls below target.
        var answer = 1.0;
        double correct = 0, answered = 0;
        foreach (var (r, p) in passing.Select(r => (r, model.Probability(r.Signals))).OrderByDescending(s => s.Item2))
        {
            answered += 1.0 / sizes[r.Set];
            correct += r.Answerable && r.AnsweredCites ? 1.0 / sizes[r.Set] : 0;
            if (answered >= MinimumAnswered && correct / answered < PrecisionTarget)
            {
                break;
            }

            answer = p;
        }

        return new FittedAnswerability(model, gate, answer);
    }

    /// <summary>Each set's figures from a fit on all the other sets.</summary>
    public static IReadOnlyList<(string Set, AnswerSummary Summary, FittedAnswerability Fit)> LeaveOneSetOut(IReadOnlyList<AnswerRecord> records)
    {
        var result = new List<(string, AnswerSummary, FittedAnswerability)>();
        foreach (var set in records.Select(r => r.Set).Distinct())
        {
            var fit = Fit(records.Where(r => r.Set != set).ToList());
            var held = records.Where(r => r.Set == set).ToList();
            result.Add((set, AnswerSummary.Of(held, r => r.Outcome(fit.Model.Probability(r.Signals), fit.GateThreshold, fit.AnswerThreshold)), fit));
        }

        return result;
    }
}
