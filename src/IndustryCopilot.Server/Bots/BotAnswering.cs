using System.Threading.RateLimiting;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Security;

namespace IndustryCopilot.Server.Bots;

/// <summary>
/// The layer every bot shares: a message from a channel user → <c>/help</c>, <c>/new</c>, or the same answer flow as
/// the API, under the groups the user is mapped to, with per-user conversation memory and rate limit, recorded in
/// the audit with the channel's name. Replies follow the question's language.
/// </summary>
internal sealed class BotAnswering(AnswerOrchestrator orchestrator, AnswerRecorder recorder, TimeProvider time) : IDisposable
{
    // One window per channel user; the key carries the bot's limit ("10|wecom:zhangsan") since the bots share this limiter.
    private readonly PartitionedRateLimiter<string> _limits = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = int.Parse(key[..key.IndexOf('|', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async Task<BotReply> HandleAsync(string channel, string userId, string? userName, string text, BotAccess access, CancellationToken cancellationToken)
    {
        var question = text.Trim();
        var chinese = question.Any(c => c is >= '\u4e00' and <= '\u9fff');
        var conversation = $"{channel}:{userId}";
        switch (question.ToLowerInvariant())
        {
            case "/help" or "help" or "帮助":
                return new BotReply(Help(chinese));
            case "/new" or "新对话":
                orchestrator.Memory.Forget(conversation);
                return new BotReply(chinese ? "已开始新对话。" : "Started a new conversation.");
        }

        if (access.GroupsOf(userId) is not { } groups)
        {
            return new BotReply(chinese ? "你的账号尚未开通知识库访问，请联系 IT 管理员。" : "Your account is not set up for the knowledge base; please ask your IT admin.");
        }

        if (question.Length is 0 or > 2000)
        {
            return new BotReply(Help(chinese));
        }

        using var lease = _limits.AttemptAcquire($"{access.RequestsPerMinute}|{conversation}");
        if (!lease.IsAcquired)
        {
            return new BotReply(chinese ? "提问过于频繁，请一分钟后再试。" : "Too many questions; please try again in a minute.");
        }

        var started = time.GetTimestamp();
        var result = await orchestrator.AskAsync(new AskRequest(question) { ConversationId = conversation, Filter = SearchFilter.None with { AccessGroups = groups } }, cancellationToken);
        if (result is AnswerBusy busy)
        {
            var seconds = (int)Math.Ceiling(busy.RetryAfter.TotalSeconds);
            return new BotReply(chinese ? $"模型繁忙，请 {seconds} 秒后重试。" : $"The model is busy; please try again in {seconds} s.");
        }

        var answer = ((AnswerCompleted)result).Answer;
        var user = Caller.Principal(conversation, userName ?? userId, ApiKeyRole.Reader, groups);
        await recorder.RecordAsync(answer, user, channel, started, conversation, cancellationToken);
        return new BotReply(answer.Text, answer);
    }

    public void Dispose() => _limits.Dispose();

    private static string Help(bool chinese) => chinese
        ? "直接提问即可，例如：M12 螺栓的拧紧力矩是多少？\n回答只来自已收录的文件，并注明文件、版本、条款和页码。\n/new 开始新对话；/help 显示本说明。"
        : "Just ask, e.g. What is the oil change interval of the AC-37 compressor?\nAnswers come only from the indexed documents, with document, revision, clause and page.\n/new starts a new conversation; /help shows this.";
}
