namespace IndustryCopilot.Core.Answering;

/// <summary>Quote-mode answering and refusal (configuration section <c>Answering</c>).</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Chunks retrieved as evidence. Default 8.</summary>
    public int EvidenceChunks { get; set; } = 8;

    /// <summary>Chunks sentences may be quoted from. Default 3.</summary>
    public int QuoteChunks { get; set; } = 3;

    /// <summary>Most sentences (or table rows) in a quote answer. Default 3.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>
    /// Least share (0–1) of the question's IDF-weighted key terms that one evidence chunk (with its document title)
    /// must hold; below it the question is refused. Default 0.5, calibrated on the evaluation sets (see docs/evaluation.md).
    /// </summary>
    public double MinSupport { get; set; } = 0.5;

    public void Validate()
    {
        if (EvidenceChunks is < 1 or > 100 || QuoteChunks is < 1 or > 20 || MaxSentences is < 1 or > 20)
        {
            throw new InvalidOperationException("Answering: EvidenceChunks 1–100, QuoteChunks 1–20, MaxSentences 1–20 are required");
        }

        if (MinSupport is < 0 or > 1)
        {
            throw new InvalidOperationException("Answering:MinSupport must be between 0 and 1");
        }
    }
}
