namespace IndustryCopilot.Server.OpenAI;

/// <summary>The parts of an OpenAI chat completion request this endpoint reads.</summary>
internal sealed record ChatCompletionRequest(string? Model, IReadOnlyList<ChatCompletionMessage>? Messages, bool Stream = false);
