namespace IndustryCopilot.Hosting.Conversations;

/// <summary>A conversation in the history list: its id, title (the first question unless renamed), and when it was started and last used.</summary>
public sealed record ConversationSummary(string Id, string Title, DateTimeOffset Created, DateTimeOffset Updated);
