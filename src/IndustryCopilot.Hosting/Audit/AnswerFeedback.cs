namespace IndustryCopilot.Hosting.Audit;

/// <summary>A user's rating of an answer: <see cref="Rating"/> is +1 (thumbs up) or −1 (thumbs down). The latest one per answer counts.</summary>
public sealed record AnswerFeedback(string AnswerId, DateTimeOffset Time, string KeyId, int Rating, string? Comment);
