namespace IndustryCopilot.Server.Feedback;

/// <summary>POST /api/feedback body: the answer's id, <c>up</c> or <c>down</c>, and an optional comment (at most 2000 characters).</summary>
internal sealed record FeedbackBody(string AnswerId, string Rating, string? Comment = null);
