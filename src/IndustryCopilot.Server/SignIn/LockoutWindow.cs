namespace IndustryCopilot.Server.SignIn;

/// <summary>How every throttle reads its failures the same way.</summary>
internal static class LockoutWindow
{
    /// <summary>The later of two "locked until" times; null only when both are.</summary>
    // Lifted comparison is false when either side is null, so pick the later of the two by hand.
    public static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a > b ? a : b;

    /// <summary>
    /// Until when <paramref name="recentNewestFirst"/> failures (within the window) lock their key: the
    /// <paramref name="limit"/>-th newest failure plus the window, or null below the limit.
    /// </summary>
    public static DateTimeOffset? Until(IReadOnlyList<DateTimeOffset> recentNewestFirst, int limit, TimeSpan window) =>
        recentNewestFirst.Count >= limit ? recentNewestFirst[limit - 1] + window : null;
}
