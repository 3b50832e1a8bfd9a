using System.Security.Claims;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Server.Security;

/// <summary>Who is calling: key id and name, role, and the document access groups every query is limited to.</summary>
internal static class Caller
{
    public const string GroupClaim = "icp:group";
    public const string KeyIdClaim = "icp:key";

    /// <summary>Present on an admin key that may manage keys of every group (granted only by <c>icp keys add --all-groups</c>).</summary>
    public const string AllGroupsClaim = "icp:all-groups";

    /// <param name="keyId">The key's id, or for a signed-in person their subject (<c>ldap:…</c>, <c>oidc:…</c>).</param>
    /// <remarks>The id is also the name identifier, which anti-forgery tokens are bound to (so renewing a session's groups keeps its token valid).</remarks>
    /// <param name="name">The key's or person's name as shown and audited.</param>
    /// <param name="role">What the caller may do.</param>
    /// <param name="groups">The document access groups every query is limited to.</param>
    /// <param name="extra">Further claims (a person's session times and user name).</param>
    /// <param name="scheme">The authentication type: the API-key scheme unless a session cookie carries it.</param>
    public static ClaimsPrincipal Principal(string keyId, string name, ApiKeyRole role, IEnumerable<string> groups, IEnumerable<Claim>? extra = null, string scheme = ApiKeyAuthenticationHandler.SchemeName) =>
        new(new ClaimsIdentity(
            [new Claim(KeyIdClaim, keyId), new Claim(ClaimTypes.NameIdentifier, keyId), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role.ToString()), .. groups.Select(g => new Claim(GroupClaim, g)), .. extra ?? []],
            scheme));

    public static IReadOnlyList<string> Groups(this ClaimsPrincipal user) => [.. user.FindAll(GroupClaim).Select(c => c.Value)];

    public static (string Id, string Name) Key(this ClaimsPrincipal user) => (user.FindFirst(KeyIdClaim)?.Value ?? "", user.Identity?.Name ?? "");

    public static ApiKeyRole Role(this ClaimsPrincipal user) => Enum.TryParse<ApiKeyRole>(user.FindFirst(ClaimTypes.Role)?.Value, out var role) ? role : ApiKeyRole.Reader;

    /// <summary>True for an admin key granted every group's key management by the server's own CLI.</summary>
    public static bool ManagesAllGroups(this ClaimsPrincipal user) => user.Role() == ApiKeyRole.Admin && user.HasClaim(AllGroupsClaim, "true");

    /// <summary>True when <paramref name="key"/> lies within what the calling admin may create, list or revoke.</summary>
    public static bool Manages(this ClaimsPrincipal user, ApiKey key) => key.ManageableBy(user.Role(), user.Groups(), user.ManagesAllGroups());

    /// <summary>True when the document shares at least one access group with the caller.</summary>
    public static bool CanSee(this ClaimsPrincipal user, DocumentInfo document)
    {
        var groups = user.Groups();
        return document.AccessGroups.Any(groups.Contains);
    }

    /// <summary>The caller's filter: its groups, narrowed further (never widened) by any <c>group=</c> the request asks for.</summary>
    public static SearchFilter Limit(this ClaimsPrincipal user, SearchFilter requested)
    {
        var allowed = user.Groups();
        var groups = requested.AccessGroups is { } asked ? allowed.Intersect(asked, StringComparer.Ordinal).ToList() : allowed;
        return requested with { AccessGroups = groups };
    }
}
