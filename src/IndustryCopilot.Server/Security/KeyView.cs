using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Server.Security;

/// <summary>A key as the admin page lists it: never the key itself. <c>allGroups</c> marks an admin key that manages keys of every group (granted only by the server's CLI);
/// <c>lastUsed</c> is when it last signed a request in (to the minute), so an admin sees which keys are still in use.</summary>
internal sealed record KeyView(string Id, string Name, string Role, IReadOnlyList<string> Groups, DateTimeOffset Created, DateTimeOffset? Revoked, bool AllGroups, DateTimeOffset? LastUsed)
{
    public static KeyView From(ApiKey key) => new(key.Id, key.Name, key.Role.ToString().ToLowerInvariant(), key.Groups, key.Created, key.Revoked, key.AllGroups, key.LastUsed);
}
