using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>
/// Answers Teams messages after the activity has been accepted: a typing activity first, then the answer as text
/// (split under Teams' message size) with the sources as an Adaptive Card on the last part.
/// </summary>
internal sealed partial class TeamsWorker(TeamsOptions options, BotAnswering bots, TeamsConnector connector, ILogger<TeamsWorker> logger) : BackgroundService
{
    // Teams allows about 28 KB per message including the card; the text stays well under it.
    private const int MaxTextBytes = 20_000;

    private readonly Channel<Activity> _activities = Channel.CreateBounded<Activity>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool Enqueue(Activity activity) => _activities.Writer.TryWrite(activity);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var activity in _activities.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await connector.ReplyAsync(activity, TeamsReplies.Typing(activity), stoppingToken);
                var user = activity.From!.AadObjectId ?? activity.From.Id;
                var text = activity.Type == "conversationUpdate" ? "/help" : Mention().Replace(activity.Text ?? "", "").Trim();
                var reply = await bots.HandleAsync("teams", user, activity.From.Name, text, options.Access, stoppingToken);
                var parts = BotFormat.Split(reply.Answer is null ? reply.Text : reply.Answer.Text, MaxTextBytes);
                for (var i = 0; i < parts.Count; i++)
                {
                    await connector.ReplyAsync(activity, TeamsReplies.Message(activity, parts[i], i == parts.Count - 1 ? reply.Answer : null), stoppingToken);
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(activity.Id, e);
            }
        }
    }

    // In channels and group chats the question arrives as "<at>IndustryCopilot</at> question".
    [GeneratedRegex("<at>[^<]*</at>")]
    private static partial Regex Mention();

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams reply to activity {Id} failed")]
    private partial void LogFailed(string? id, Exception error);
}
