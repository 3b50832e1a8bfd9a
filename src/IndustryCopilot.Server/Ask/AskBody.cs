namespace IndustryCopilot.Server.Ask;

/// <summary>POST /api/ask body: the question, an optional conversation id for follow-ups, optional document filters (<c>lang=en</c>, <c>doc=…</c>, <c>type=…</c>).</summary>
internal sealed record AskBody(string Question, string? ConversationId = null, string[]? Filters = null);
