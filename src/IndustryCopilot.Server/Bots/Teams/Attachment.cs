using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>An attachment; here an Adaptive Card (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
internal sealed record Attachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] JsonElement Content);
