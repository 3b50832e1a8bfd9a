using System.Text.Json.Serialization;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>The conversation an activity belongs to (personal chat, group chat or channel).</summary>
internal sealed record ConversationAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("conversationType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationType = null,
    [property: JsonPropertyName("tenantId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TenantId = null,
    [property: JsonPropertyName("isGroup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsGroup = null);
