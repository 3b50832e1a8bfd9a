using System.Threading.Channels;

namespace IndustryCopilot.Server.Bots.WeCom;

/// <summary>
/// Answers WeCom questions after the callback has been acknowledged (WeCom wants a response within 5 s; an answer may
/// take longer) and sends them through the active message API, split to WeCom's size limit (2048 bytes for text,
/// 4096 for markdown).
/// </summary>
internal sealed partial class WeComWorker(WeComOptions options, BotAnswering bots, WeComClient client, ILogger<WeComWorker> logger) : BackgroundService
{
    private readonly Channel<(string User, string Text)> _questions = Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues a question; false when 256 are already waiting.</summary>
    public bool Enqueue(string user, string text) => _questions.Writer.TryWrite((user, text));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (user, text) in _questions.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var reply = await bots.HandleAsync("wecom", user, null, text, options.Access, stoppingToken);
                foreach (var part in BotFormat.Split(BotFormat.Text(reply), options.MessageType == "markdown" ? 4096 : 2048))
                {
                    if (!await client.SendAsync(user, part, stoppingToken))
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(user, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom answer to {User} failed")]
    private partial void LogFailed(string user, Exception error);
}
