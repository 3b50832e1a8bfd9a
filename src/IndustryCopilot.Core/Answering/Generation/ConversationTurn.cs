namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>One question and the answer given, as remembered for follow-ups.</summary>
public sealed record ConversationTurn(string Question, string Answer);
