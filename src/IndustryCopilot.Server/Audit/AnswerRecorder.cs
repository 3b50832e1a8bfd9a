using System.Security.Claims;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Server.Security;
using IndustryCopilot.Server.Telemetry;

namespace IndustryCopilot.Server.Audit;

/// <summary>
/// Records every served answer in the audit before it goes out, and returns its id. When the record cannot be
/// written the request fails: an answer the plant cannot account for is not served.
/// </summary>
internal sealed class AnswerRecorder(IAuditLog audit, AnswerOrchestrator orchestrator, TimeProvider time, ServerMetrics metrics)
{
    public async Task<AuditEntry> RecordAsync(Answer answer, ClaimsPrincipal user, string channel, long startedAt, string? conversationId, CancellationToken cancellationToken)
    {
        var latency = time.GetElapsedTime(startedAt).TotalMilliseconds;
        var entry = AnswerAudit.Describe(answer, user.Key(), channel, id => orchestrator.ReadIndex(i => i.GetDocument(id)), time.GetUtcNow(), latency, orchestrator.PromptVersion, conversationId);
        await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        metrics.Answered(channel, answer.Mode, latency);
        return entry;
    }
}
