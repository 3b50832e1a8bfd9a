using System.Security.Claims;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Server.Security;

/// <summary>Who is calling: key id and name, role, and the document access groups every query is limited to.</summary>
internal static class Caller
{
    public const string GroupClaim = "icp:group";
    public const string KeyIdClaim = "icp:key";

    public static ClaimsPrincipal Principal(string keyId, string name, ApiKeyRole role, IEnumerable<string> groups) =>
        new(new ClaimsIdentity(
            [new Claim(KeyIdClaim, keyId), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role.ToString()), .. groups.Select(g => new Claim(GroupClaim, g))],
            ApiKeyAuthenticationHandler.SchemeName));

    public static IReadOnlyList<string> Groups(this ClaimsPrincipal user) => [.. user.FindAll(GroupClaim).Select(c => c.Value)];

    /// <summary>The caller's filter: its groups, narrowed further (never widened) by any <c>group=</c> the request asks for.</summary>
    public static SearchFilter Limit(this ClaimsPrincipal user, SearchFilter requested)
    {
        var allowed = user.Groups();
        var groups = requested.AccessGroups is { } asked ? allowed.Intersect(asked, StringComparer.Ordinal).ToList() : allowed;
        return requested with { AccessGroups = groups };
    }
}
