namespace IndustryCopilot.Server.Conversations;

/// <summary>A new title for a conversation (cut to 80 characters).</summary>
internal sealed record ConversationRename(string? Title);
