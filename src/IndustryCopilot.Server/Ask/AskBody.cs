namespace IndustryCopilot.Server.Ask;

/// <summary>
/// POST /api/ask body: the question, an optional conversation id for follow-ups, optional document filters
/// (<c>lang=en</c>, <c>doc=…</c>, <c>type=…</c>), and the channel the audit records (<c>api</c> by default; the web UI sends <c>web</c>).
/// </summary>
internal sealed record AskBody(string Question, string? ConversationId = null, string[]? Filters = null, string? Channel = null);
