using System.Text.Json;

namespace IndustryCopilot.Server.OpenAI;

/// <summary>One message; <c>content</c> may be a string or an array of parts (only text parts are read).</summary>
internal sealed record ChatCompletionMessage(string Role, JsonElement Content)
{
    public string Text => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(Content.EnumerateArray().Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text").Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
