using IndustryCopilot.Core.Answering.Answerability;
using IndustryCopilot.Evaluation.Calibration;
using IndustryCopilot.Evaluation.Metrics;

namespace IndustryCopilot.Evaluation.Tests.Calibration;

public sealed class AnswerabilityCalibrationTests
{
    // Coverage drives everything in these sets: answered correctly when coverage is high, wrongly when it is low.
    private static List<AnswerRecord> Set(string name, int n, double offset)
    {
        var records = new List<AnswerRecord>();
        for (var i = 0; i < n; i++)
        {
            var coverage = offset + ((1 - offset) * i / (n - 1.0));
            var signals = new double[AnswerabilitySignals.Names.Count];
            signals[0] = coverage;
            signals[2] = coverage;
            records.Add(new AnswerRecord(name, $"{name}-{i}", "answerable", signals, 0, AnsweredCites: coverage > 0.6, ClosestShows: true));
            var negative = (double[])signals.Clone();
            negative[0] = negative[2] = coverage * 0.8;
            records.Add(new AnswerRecord(name, $"{name}-u{i}", "unanswerable", negative, 0, false, false));
        }

        return records;
    }

    [Fact]
    public void Fit_CoverageSeparatesAnswers_GateBelowEveryAnswerableAndPreciseAnswerThreshold()
    {
        var records = Set("a", 200, 0.2).Concat(Set("b", 50, 0.3)).ToList();

        var fit = AnswerabilityCalibration.Fit(records);

        var answerable = records.Where(r => r.Answerable).ToList();
        Assert.True(answerable.Count(r => r.Coverage < fit.GateThreshold) <= AnswerabilityCalibration.GateRefusalBudget * answerable.Count);
        Assert.InRange(fit.GateThreshold, 0.05, 0.2);
        var answered = records.Where(r => r.Coverage >= fit.GateThreshold && fit.Model.Probability(r.Signals) >= fit.AnswerThreshold).ToList();
        Assert.NotEmpty(answered);
        Assert.True(answered.Count(r => r.Answerable && r.AnsweredCites) >= 0.95 * answered.Count, $"{answered.Count(r => r.AnsweredCites)} of {answered.Count}");
        Assert.True(fit.Model.Weights[0] > 0, "more coverage must mean more likely answered");
    }

    [Fact]
    public void Fit_OneSetWrongWhereTheOthersAreRight_EverySetKeepsItsPrecision()
    {
        // Set b answers wrongly at coverage 0.8–0.85, where a (larger, and right there) would outvote it in a pooled
        // precision: the threshold must stay above b's wrong answers.
        var b = Set("b", 60, 0.2).Select(r => r.Answerable && r.Coverage is > 0.8 and < 0.85 ? r with { AnsweredCites = false } : r).ToList();
        var records = Set("a", 400, 0.2).Concat(Set("c", 200, 0.2)).Concat(b).ToList();

        var fit = AnswerabilityCalibration.Fit(records);

        foreach (var set in records.GroupBy(r => r.Set))
        {
            var answered = set.Where(r => r.Coverage >= fit.GateThreshold && fit.Model.Probability(r.Signals) >= fit.AnswerThreshold).ToList();
            Assert.True(answered.Count >= 5, $"{set.Key}: only {answered.Count} answered");
            var correct = answered.Count(r => r.Answerable && r.AnsweredCites);
            Assert.True(correct >= AnswerabilityCalibration.PrecisionTarget * answered.Count, $"{set.Key}: {correct} of {answered.Count}");
        }
    }

    [Fact]
    public void LeaveOneSetOut_HeldOutSetNeverInfluencesItsOwnFit()
    {
        var a = Set("a", 100, 0.2);
        var b = Set("b", 100, 0.3);
        var c = Set("c", 60, 0.1);
        var poisoned = c.Select(r => r with { AnsweredCites = !r.AnsweredCites, Signals = r.Signals.Select(x => 1 - x).ToList() }).ToList();

        var clean = AnswerabilityCalibration.LeaveOneSetOut([.. a, .. b, .. c]).Single(f => f.Set == "c").Fit;
        var withPoison = AnswerabilityCalibration.LeaveOneSetOut([.. a, .. b, .. poisoned]).Single(f => f.Set == "c").Fit;

        Assert.Equal(clean, withPoison with { Model = clean.Model });
        Assert.Equal(clean.Model.Bias, withPoison.Model.Bias);
        Assert.Equal(clean.Model.Weights, withPoison.Model.Weights);
    }

    [Fact]
    public void LogisticFit_SeparableSignal_ProbabilityRisesWithIt()
    {
        var samples = Enumerable.Range(0, 100).Select(i =>
        {
            var x = new double[AnswerabilitySignals.Names.Count];
            x[0] = i / 100.0;
            return ((IReadOnlyList<double>)x, i >= 50, 1.0);
        }).ToList();

        var model = LogisticFit.Fit(samples);

        Assert.True(model.Probability(samples[10].Item1) < 0.2);
        Assert.True(model.Probability(samples[90].Item1) > 0.8);
    }
}
