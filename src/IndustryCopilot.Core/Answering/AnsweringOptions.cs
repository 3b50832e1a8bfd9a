using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Evidence, the answerability decision and quote-mode answers (configuration section <c>Answering</c>). When the best
/// passage holds less than <see cref="GateThreshold"/> of the question's weighted key terms, nothing relevant was
/// retrieved: the answer is "not found" and a configured model is not called. Otherwise the answerability model gives
/// a probability p (0–1) that the passages answer the question: from <see cref="AnswerThreshold"/> up quote mode
/// answers, below it quote mode shows the closest passages without claiming an answer (a model, when configured,
/// gets every question past the gate).
/// </summary>
public sealed class AnsweringOptions : IValidatedOptions
{
    public const string Section = "Answering";

    /// <summary>Chunks retrieved as evidence. Default 8.</summary>
    public int EvidenceChunks { get; set; } = 8;

    /// <summary>Chunks sentences may be quoted from. Default 3.</summary>
    public int QuoteChunks { get; set; } = 3;

    /// <summary>Most sentences (or table rows) in a quote answer. Default 3.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>Passages shown, one quote each, when no direct answer is found. Default 5.</summary>
    public int ClosestPassages { get; set; } = 5;

    /// <summary>
    /// Least share (0–1) of the question's IDF-weighted key terms the best passage must hold for anything to count as
    /// relevant; below it the answer is "not found". Default 0.042, cross-validated to refuse at most 3% of
    /// answerable questions on every evaluation set (docs/evaluation.md).
    /// </summary>
    public double GateThreshold { get; set; } = 0.042;

    /// <summary>
    /// From this answerability probability (0–1) up, quote mode answers with the covering sentences; below it (past
    /// the gate) it shows the closest passages. Default 0.9955, fitted so that every evaluation set keeps its answered precision (docs/evaluation.md).
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.9955;

    public IEnumerable<string> Problems()
    {
        if (EvidenceChunks is < 1 or > 100 || QuoteChunks is < 1 or > 20 || MaxSentences is < 1 or > 20 || ClosestPassages is < 1 or > 20)
        {
            yield return "Answering: EvidenceChunks 1–100, QuoteChunks 1–20, MaxSentences 1–20, ClosestPassages 1–20 are required";
        }

        if (GateThreshold is < 0 or > 1 || AnswerThreshold is < 0 or > 1)
        {
            yield return "Answering: GateThreshold and AnswerThreshold must be between 0 and 1";
        }
    }
}
