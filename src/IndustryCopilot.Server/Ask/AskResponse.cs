using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Verification;

namespace IndustryCopilot.Server.Ask;

/// <summary>
/// The answer as the API returns it: an id for feedback and audit, the text, how it was made, what it claims
/// (<c>outcome</c>: <c>answered</c>, <c>closest</c> — the closest passages, not an answer — or <c>notFound</c>), its
/// citations and checks; <c>choice</c> asks which row applies when quoted rows differ only in a qualifier,
/// <c>reason</c> says in plain words why closest passages are not confirmed.
/// </summary>
internal sealed record AskResponse(
    string AnswerId,
    string Answer,
    AnswerMode Mode,
    AnswerOutcome Outcome,
    string Language,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<DocumentSuggestion> Suggestions,
    IReadOnlyList<string> Related,
    VerificationReport? Verification,
    string? Model,
    string? StandaloneQuestion,
    string? Notice,
    string? Choice,
    string? Reason,
    Core.Answering.Revisions.RevisionNote? Revision,
    double Support,
    double Answerability,
    IReadOnlyDictionary<string, double> Timings)
{
    public static AskResponse From(Answer answer, string answerId) => new(
        answerId,
        answer.Text,
        answer.Mode,
        answer.Outcome,
        answer.Language.ToString().ToLowerInvariant(),
        [.. answer.Citations.Select(CitationView.From)],
        answer.Suggestions,
        answer.Related,
        answer.Verification,
        answer.Model,
        answer.StandaloneQuestion,
        answer.Notice,
        answer.Choice,
        answer.Reason,
        answer.Revision,
        answer.Support,
        answer.Answerability,
        answer.TimingsMs);
}
