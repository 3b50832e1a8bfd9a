namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// A key as stored: never the key itself, only its SHA-256. <see cref="Groups"/> are the document access groups the
/// caller may see (<c>public</c> always included).
/// </summary>
public sealed record ApiKey(string Id, string Name, ApiKeyRole Role, IReadOnlyList<string> Groups, DateTimeOffset Created, DateTimeOffset? Revoked)
{
    public bool Active => Revoked is null;

    /// <summary>
    /// May administer keys of every group, not only its own. Granted only by the server's own CLI
    /// (<c>icp keys add --all-groups</c>), never through the API, so no admin can widen its own reach.
    /// </summary>
    public bool AllGroups { get; init; }

    /// <summary>When the key last signed a request in (to within <see cref="ApiKeySecrets.LastUsedResolution"/>); null if never.</summary>
    public DateTimeOffset? LastUsed { get; init; }

    /// <summary>True when this key's reach (its groups, and its role) lies within what an admin with <paramref name="adminRole"/> and <paramref name="adminGroups"/> may manage.</summary>
    public bool ManageableBy(ApiKeyRole adminRole, IReadOnlyCollection<string> adminGroups, bool adminAllGroups) =>
        adminAllGroups || (!AllGroups && Role <= adminRole && VisibleGroups.All(adminGroups.Contains));

    /// <summary>The groups used to filter documents: the key's groups plus <c>public</c>.</summary>
    public IReadOnlyList<string> VisibleGroups => [.. Groups.Append("public").Distinct(StringComparer.Ordinal)];
}
