namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>
/// Quote-mode answering over a question set: how many unanswerable questions were refused, how many answerable ones
/// were wrongly refused, and whether every citation's quote occurs in the chunk it cites.
/// </summary>
public sealed record AnswerSummary(int Unanswerable, int UnanswerableRefused, int Answerable, int AnswerableRefused, int Citations, int ValidCitations, double P50Ms, double P95Ms)
{
    public double? RefusalRate => Unanswerable == 0 ? null : UnanswerableRefused / (double)Unanswerable;

    public double? FalseRefusalRate => Answerable == 0 ? null : AnswerableRefused / (double)Answerable;

    public double? CitationValidity => Citations == 0 ? null : ValidCitations / (double)Citations;
}
