using System.Text.Json;

namespace IndustryCopilot.Server.Conversations;

/// <summary>
/// A question and the answer served for it (the <c>/api/ask</c> response, citations included). A turn whose answer
/// reveals a document the caller may no longer see is <see cref="Redacted"/>: no answer, and a <see cref="Notice"/> saying why.
/// </summary>
internal sealed record ConversationTurnView(string Question, JsonElement? Answer, DateTimeOffset Asked, bool Redacted = false, string? Notice = null);
