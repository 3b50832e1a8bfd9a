using System.Text.Json.Serialization;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>A user or bot in a conversation; <see cref="AadObjectId"/> is the user's Entra ID object id (Teams).</summary>
internal sealed record ChannelAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonPropertyName("aadObjectId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AadObjectId = null);
