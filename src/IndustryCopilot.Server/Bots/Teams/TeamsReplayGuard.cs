namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>
/// Each activity (conversation id and activity id, compared without letter case) is handled once while a token that
/// could carry it is valid: a second delivery, whether the channel's retry or a captured request sent again, is
/// acknowledged and dropped.
/// </summary>
internal sealed class TeamsReplayGuard(TimeProvider time)
{
    public ReplayGuard Guard { get; } = new(time, TimeSpan.FromHours(1));

    public static string Key(Activity activity) => (activity.Conversation?.Id + "\n" + activity.Id).ToUpperInvariant();
}
