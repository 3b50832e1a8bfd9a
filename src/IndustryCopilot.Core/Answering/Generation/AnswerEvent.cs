namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// What a streamed answer reports, in order: any number of <see cref="AnswerToken"/> as the model writes (unverified),
/// then exactly one <see cref="AnswerCompleted"/> (the verified answer, which replaces the streamed text) or one
/// <see cref="AnswerBusy"/> (nothing was generated).
/// </summary>
public abstract record AnswerEvent;
