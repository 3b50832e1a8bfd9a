namespace IndustryCopilot.Evaluation.Questions;

/// <summary>A question of an evaluation set with its gold evidence; unanswerable questions have none.</summary>
public sealed record EvalQuestion(string Id, string Lang, string Type, string Question, bool Answerable, IReadOnlyList<GoldUnit> Gold)
{
    /// <summary>Distinct gold units (two quotes from one page are one unit).</summary>
    public IReadOnlyList<GoldUnit> Units => Gold.DistinctBy(g => g.Key).ToList();
}
