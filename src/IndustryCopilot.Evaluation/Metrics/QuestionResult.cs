using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>One question under one variant: the gold unit keys each of the top 10 ranks satisfied, and the latency.</summary>
public sealed record QuestionResult(EvalQuestion Question, IReadOnlyList<IReadOnlyList<string>> MatchesByRank, double LatencyMs)
{
    public double Recall(int k)
    {
        var units = Question.Units.Count;
        return units == 0 ? 0 : MatchesByRank.Take(k).SelectMany(m => m).Distinct().Count() / (double)units;
    }

    /// <summary>Reciprocal rank of the first chunk satisfying any gold unit within the top 10, else 0.</summary>
    public double ReciprocalRank()
    {
        for (var i = 0; i < Math.Min(10, MatchesByRank.Count); i++)
        {
            if (MatchesByRank[i].Count > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }
}
