namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>A piece of the answer released as it is generated: verified sentences only (<see cref="VerifiedRelease"/>), each the continuation of what was released before.</summary>
public sealed record AnswerToken(string Text) : AnswerEvent;
