using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>A question, the caller's document filter (access groups included), and the conversation it belongs to, if any.</summary>
public sealed record AskRequest(string Question)
{
    public SearchFilter Filter { get; init; } = SearchFilter.None;

    public SearchLanes Lanes { get; init; } = SearchLanes.All;

    /// <summary>Chat session or bot user; follow-ups in it are rewritten into standalone questions. Null = no memory.</summary>
    public string? ConversationId { get; init; }

    /// <summary>
    /// Earlier turns supplied by the caller (the OpenAI API sends the whole conversation each time); when set they are
    /// used instead of the remembered ones.
    /// </summary>
    public IReadOnlyList<Core.Answering.Generation.ConversationTurn>? History { get; init; }
}
