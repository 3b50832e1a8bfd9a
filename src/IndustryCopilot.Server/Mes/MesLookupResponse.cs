using IndustryCopilot.Core.Answering;
using IndustryCopilot.Server.Ask;

namespace IndustryCopilot.Server.Mes;

/// <summary>
/// What an MES screen shows: the answer, its mode and outcome (<c>closest</c> passages are not an answer and carry
/// no steps), the procedure steps (when an answer's source is a procedure) and the citations.
/// </summary>
internal sealed record MesLookupResponse(string AnswerId, string Question, string Answer, AnswerMode Mode, AnswerOutcome Outcome, IReadOnlyList<MesStep> Steps, IReadOnlyList<CitationView> Citations);
