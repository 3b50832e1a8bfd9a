using IndustryCopilot.Evaluation.Metrics;
using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation.Tests.Metrics;

public sealed class QuestionResultTests
{
    private static readonly EvalQuestion TwoGold = new("q", "zh", "multi", "?", true, [new GoldUnit("a.md", "第一条"), new GoldUnit("b.md", "第二条")]);

    private static QuestionResult Result(params string[][] ranks) => new(TwoGold, ranks.Select(r => (IReadOnlyList<string>)r).ToList(), 1);

    [Fact]
    public void Recall_GoldAtRanksTwoAndSeven_HalfAtFiveFullAtTen()
    {
        var result = Result([], ["a.md#第一条"], [], [], [], [], ["b.md#第二条"]);

        Assert.Equal(0, result.Recall(1));
        Assert.Equal(0.5, result.Recall(5));
        Assert.Equal(1, result.Recall(10));
        Assert.Equal(0.5, result.ReciprocalRank());
    }

    [Fact]
    public void Summary_MultiGold_AllGoldInTopTenAndPercentiles()
    {
        var found = Result(["a.md#第一条"], ["b.md#第二条"]);
        var half = Result(["a.md#第一条"]);

        var summary = VariantSummary.Of("x", [found, half]);

        Assert.Equal(2, summary.MultiGold);
        Assert.Equal(0.5, summary.AllGoldIn10);
        Assert.Equal(0.5, summary.Recall1);
        Assert.Equal(2.0, VariantSummary.Percentile([1, 2, 3, 4], 0.5));
    }
}
