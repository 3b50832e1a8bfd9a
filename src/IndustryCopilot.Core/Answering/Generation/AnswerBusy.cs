namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>The model's queue is full: nothing was generated; ask again after <paramref name="RetryAfter"/>.</summary>
public sealed record AnswerBusy(TimeSpan RetryAfter) : AnswerEvent;
