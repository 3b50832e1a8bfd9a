using IndustryCopilot.Core.Answering.Answerability;

namespace IndustryCopilot.Evaluation.Calibration;

/// <summary>
/// Fits an <see cref="AnswerabilityModel"/> by weighted, L2-regularised logistic regression: full-batch gradient
/// descent on standardised signals (deterministic, no sampling), weights then mapped back to raw signals.
/// </summary>
public static class LogisticFit
{
    public static AnswerabilityModel Fit(IReadOnlyList<(IReadOnlyList<double> X, bool Y, double Weight)> samples, double l2 = 1e-3, int iterations = 3000, double rate = 0.5)
    {
        var d = AnswerabilitySignals.Names.Count;
        var total = samples.Sum(s => s.Weight);
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = samples.Sum(s => s.Weight * s.X[j]) / total;
            var variance = samples.Sum(s => s.Weight * Math.Pow(s.X[j] - mean[j], 2)) / total;
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        var x = samples.Select(s => Enumerable.Range(0, d).Select(j => (s.X[j] - mean[j]) / scale[j]).ToArray()).ToList();
        var w = new double[d];
        double b = 0;
        for (var it = 0; it < iterations; it++)
        {
            var gw = new double[d];
            double gb = 0;
            for (var i = 0; i < x.Count; i++)
            {
                var z = b;
                for (var j = 0; j < d; j++)
                {
                    z += w[j] * x[i][j];
                }

                var error = (1 / (1 + Math.Exp(-z))) - (samples[i].Y ? 1 : 0);
                var sw = samples[i].Weight / total;
                gb += sw * error;
                for (var j = 0; j < d; j++)
                {
                    gw[j] += sw * error * x[i][j];
                }
            }

            b -= rate * gb;
            for (var j = 0; j < d; j++)
            {
                w[j] -= rate * (gw[j] + (l2 * w[j]));
            }
        }

        var raw = Enumerable.Range(0, d).Select(j => w[j] / scale[j]).ToArray();
        var bias = b - Enumerable.Range(0, d).Sum(j => raw[j] * mean[j]);
        return new AnswerabilityModel(bias, raw);
    }
}
