using IndustryCopilot.Core.Answering;
using IndustryCopilot.Server.Ask;

namespace IndustryCopilot.Server.Mes;

/// <summary>What an MES screen shows: the answer, its mode, the procedure steps (when the source is a procedure) and the citations.</summary>
internal sealed record MesLookupResponse(string AnswerId, string Question, string Answer, AnswerMode Mode, IReadOnlyList<MesStep> Steps, IReadOnlyList<CitationView> Citations);
