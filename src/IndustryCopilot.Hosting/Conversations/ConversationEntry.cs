namespace IndustryCopilot.Hosting.Conversations;

/// <summary>One question and its answer: the answer's text, and the whole response as the API returned it (JSON), to show it again with its sources.</summary>
public sealed record ConversationEntry(string Question, string Answer, string Response, DateTimeOffset Created);
