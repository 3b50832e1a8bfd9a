namespace IndustryCopilot.Server.Bots;

/// <summary>
/// Who may ask through a bot and what they see: <see cref="Users"/> maps a channel user id (WeCom userid, Teams AAD
/// object id) to comma-separated access groups (<c>ICP_Bots__WeCom__Access__Users__zhangsan=production,quality</c>);
/// everyone also sees <c>public</c>.
/// </summary>
public sealed class BotAccess
{
    /// <summary>A channel user id (WeCom userid, Teams AAD object id) → that user's comma-separated access groups (<c>public</c> is always added). Default: nobody.</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Users not in <see cref="Users"/>. Default <see cref="Bots.UnmappedUsers.Public"/>.</summary>
    public UnmappedUsers UnmappedUsers { get; set; } = UnmappedUsers.Public;

    /// <summary>Questions one user may ask per minute. Default 10.</summary>
    public int RequestsPerMinute { get; set; } = 10;

    /// <summary>The user's groups (with <c>public</c>), or null when the user is refused.</summary>
    public IReadOnlyList<string>? GroupsOf(string userId) =>
        Users.TryGetValue(userId, out var groups)
            ? [.. groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("public").Distinct(StringComparer.Ordinal)]
            : UnmappedUsers == UnmappedUsers.Public ? ["public"] : null;

    /// <summary>The problems of these settings, named under the bot's <paramref name="section"/>.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (RequestsPerMinute is < 1 or > 10_000)
        {
            yield return $"{section}:RequestsPerMinute must be 1–10000";
        }
    }
}
