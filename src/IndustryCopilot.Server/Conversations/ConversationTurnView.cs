using System.Text.Json;

namespace IndustryCopilot.Server.Conversations;

/// <summary>A question and the answer served for it (the <c>/api/ask</c> response, citations included).</summary>
internal sealed record ConversationTurnView(string Question, JsonElement Answer, DateTimeOffset Asked);
