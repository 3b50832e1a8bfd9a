namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>A piece of the model's text as it is generated, before verification.</summary>
public sealed record AnswerToken(string Text) : AnswerEvent;
