namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>Retrieval quality and latency of one variant over a group of answerable questions.</summary>
public sealed record VariantSummary(string Variant, int Questions, double Recall1, double Recall5, double Recall10, double Mrr10, int MultiGold, double? AllGoldIn10, double P50Ms, double P95Ms)
{
    public static VariantSummary Of(string variant, IReadOnlyList<QuestionResult> results)
    {
        var multi = results.Where(r => r.Question.Units.Count > 1).ToList();
        var latencies = results.Select(r => r.LatencyMs).Order().ToList();
        return new VariantSummary(
            variant,
            results.Count,
            Mean(results, r => r.Recall(1)),
            Mean(results, r => r.Recall(5)),
            Mean(results, r => r.Recall(10)),
            Mean(results, r => r.ReciprocalRank()),
            multi.Count,
            multi.Count == 0 ? null : multi.Count(r => r.Recall(10) >= 1) / (double)multi.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Mean(IReadOnlyList<QuestionResult> results, Func<QuestionResult, double> f) =>
        results.Count == 0 ? 0 : results.Average(f);
}
