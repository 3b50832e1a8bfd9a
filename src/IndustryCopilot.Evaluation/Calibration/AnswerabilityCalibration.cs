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

    /// <summary>Answers a training set needs above a threshold before its precision there counts: the first few swing the ratio.</summary>
    public const int MinimumAnsweredPerSet = 5;

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

        // The lowest threshold at which every training set keeps the target precision on its own. A pooled precision
        // let one set's many easy answers pay for another's wrong ones, and that threshold did not carry to a new set
        // (held-out Chinese answered precision 0.867). A set with only a few answers above a threshold is not judged
        // there. Also measured and not taken: allowing for chance (a Wilson bound) — 0.939 held out.
        var answer = 1.0;
        var tally = sizes.Keys.ToDictionary(s => s, _ => (Answered: 0, Wrong: 0));
        foreach (var (r, p) in passing.Select(r => (r, model.Probability(r.Signals))).OrderByDescending(s => s.Item2))
        {
            var (answered, wrong) = tally[r.Set];
            tally[r.Set] = (answered + 1, wrong + (r.Answerable && r.AnsweredCites ? 0 : 1));
            if (tally.Values.All(t => t.Answered < MinimumAnsweredPerSet || t.Wrong <= (1 - PrecisionTarget) * t.Answered))
            {
                answer = p;
            }
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
