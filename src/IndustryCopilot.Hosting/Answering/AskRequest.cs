using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>A question, the caller's document filter (access groups included), and the conversation it belongs to, if any.</summary>
public sealed record AskRequest(string Question)
{
    public SearchFilter Filter { get; init; } = SearchFilter.None;

    public SearchLanes Lanes { get; init; } = SearchLanes.All;

    /// <summary>Chat session or bot user; follow-ups in it are rewritten into standalone questions. Null = no memory.</summary>
    public string? ConversationId { get; init; }
}
