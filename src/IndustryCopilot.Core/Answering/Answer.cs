using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// The answer served by the CLI, the HTTP API and the bots: text with [n] markers, the mode, numbered citations,
/// the closest documents when refused, and milliseconds per stage (<c>retrieve</c>, <c>judge</c>, <c>compose</c>, <c>total</c>).
/// </summary>
public sealed record Answer
{
    public required string Question { get; init; }

    public required string Text { get; init; }

    public required AnswerMode Mode { get; init; }

    /// <summary>
    /// Whether this answers the question, shows the closest passages without claiming an answer, or found nothing
    /// relevant. Clients must not present <see cref="AnswerOutcome.Closest"/> as an answer.
    /// </summary>
    public AnswerOutcome Outcome { get; init; } = AnswerOutcome.Answered;

    /// <summary>Language of the question, which the framing text uses.</summary>
    public DocumentLanguage Language { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>When refused: documents the user may check.</summary>
    public IReadOnlyList<DocumentSuggestion> Suggestions { get; init; } = [];

    /// <summary>When nothing was found: up to three questions the nearest passages do answer, in the question's language.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The evidence judge's support for the answer, 0–1 (share of the question's weighted key terms the evidence holds).</summary>
    public double Support { get; init; }

    /// <summary>The answerability model's probability (0–1) that the evidence answers the question.</summary>
    public double Answerability { get; init; }

    /// <summary>For generated answers: what citation verification checked, dropped and removed; null in quote mode.</summary>
    public VerificationReport? Verification { get; init; }

    /// <summary>For generated answers: the model that wrote it.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Set when the answer is not what was asked for and the user should know why, in the question's language —
    /// e.g. the model timed out and the answer is quoted instead. Null otherwise.
    /// </summary>
    public string? Notice { get; init; }

    /// <summary>
    /// Set when the best rows differ only in a qualifier (grade, size, model): all of them are quoted, and this asks the
    /// reader which one applies, in the question's language ("是哪一种？"). Null otherwise.
    /// </summary>
    public string? Choice { get; init; }

    /// <summary>For <see cref="AnswerOutcome.Closest"/>: in plain words, why the passages are not confirmed as the answer.</summary>
    public string? Reason { get; init; }

    /// <summary>Set when the question names another revision of a cited document: what it said and since when it is superseded.</summary>
    public Revisions.RevisionNote? Revision { get; init; }

    /// <summary>The standalone question actually searched, when a follow-up was rewritten using the conversation.</summary>
    public string? StandaloneQuestion { get; init; }

    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
}
