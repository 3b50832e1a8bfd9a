namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>The final, verified answer (generated, quote or refused).</summary>
public sealed record AnswerCompleted(Answer Answer) : AnswerEvent;
