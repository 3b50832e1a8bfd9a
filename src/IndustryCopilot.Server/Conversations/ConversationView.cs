namespace IndustryCopilot.Server.Conversations;

/// <summary>A reopened conversation: its turns, each answer as <c>/api/ask</c> returned it.</summary>
internal sealed record ConversationView(string Id, string Title, DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<ConversationTurnView> Turns);
