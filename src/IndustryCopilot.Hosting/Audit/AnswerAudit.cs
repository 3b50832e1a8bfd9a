using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Hosting.Audit;

/// <summary>Turns an answer into its audit entry, looking up each cited document's hash, revision and access groups as they are now.</summary>
public static class AnswerAudit
{
    /// <param name="answer">The answer as served.</param>
    /// <param name="who">Key id and name of the caller.</param>
    /// <param name="channel">Where it was asked: <c>api</c>, <c>web</c>, <c>openai</c>, <c>mes</c>, ….</param>
    /// <param name="document">Looks a document up by id (null when it has been removed meanwhile).</param>
    /// <param name="time">When the answer was served.</param>
    /// <param name="latencyMs">Wall time of the request, milliseconds.</param>
    /// <param name="promptVersion">Version of the prompts, for generated answers.</param>
    /// <param name="conversationId">The conversation it belongs to, if any.</param>
    public static AuditEntry Describe(Answer answer, (string Id, string Name) who, string channel, Func<string, DocumentInfo?> document, DateTimeOffset time, double latencyMs, string? promptVersion, string? conversationId = null)
    {
        var documents = answer.Citations.Select(c => c.DocumentId).Concat(answer.Suggestions.Select(s => s.DocumentId))
            .Distinct(StringComparer.Ordinal).ToDictionary(id => id, document, StringComparer.Ordinal);
        return new AuditEntry
        {
            Id = Guid.NewGuid().ToString("N"),
            Time = time,
            KeyId = who.Id,
            KeyName = who.Name,
            Channel = channel,
            Question = answer.Question,
            StandaloneQuestion = answer.StandaloneQuestion,
            ConversationId = conversationId,
            Answer = answer.Text,
            Mode = answer.Mode,
            Outcome = answer.Outcome,
            Language = answer.Language.ToString().ToLowerInvariant(),
            Citations = [.. answer.Citations.Select(c => new AuditCitation(c.Number, c.ChunkId, c.DocumentId, c.DocumentTitle, c.DocumentNumber, c.Revision, documents[c.DocumentId]?.ContentHash, c.ClauseLabel, c.PageStart, c.Quote))],
            // A document removed while the answer was made has no groups left to check against: nobody may see it.
            DocumentGroups = [.. documents.Values.Select(d => d?.AccessGroups ?? [])],
            Model = answer.Mode == AnswerMode.Generated ? answer.Model : null,
            PromptVersion = answer.Mode == AnswerMode.Generated ? promptVersion : null,
            Verification = answer.Verification,
            Support = answer.Support,
            LatencyMs = Math.Round(latencyMs, 1),
        };
    }
}
