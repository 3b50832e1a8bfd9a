namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// A key as stored: never the key itself, only its SHA-256. <see cref="Groups"/> are the document access groups the
/// caller may see (<c>public</c> always included).
/// </summary>
public sealed record ApiKey(string Id, string Name, ApiKeyRole Role, IReadOnlyList<string> Groups, DateTimeOffset Created, DateTimeOffset? Revoked)
{
    public bool Active => Revoked is null;

    /// <summary>The groups used to filter documents: the key's groups plus <c>public</c>.</summary>
    public IReadOnlyList<string> VisibleGroups => [.. Groups.Append("public").Distinct(StringComparer.Ordinal)];
}
