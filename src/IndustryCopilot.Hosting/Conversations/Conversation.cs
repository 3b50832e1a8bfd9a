namespace IndustryCopilot.Hosting.Conversations;

/// <summary>A conversation with its turns in order.</summary>
public sealed record Conversation(ConversationSummary Summary, IReadOnlyList<ConversationEntry> Turns);
