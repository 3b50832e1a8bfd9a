using IndustryCopilot.Core.Answering;
using IndustryCopilot.Hosting.Audit;

namespace IndustryCopilot.Server.Feedback;

/// <summary>
/// One line of <c>qa.jsonl</c>: the question, the answer, its citations with each document's revision and hash, and
/// the latest rating (<c>up</c>, <c>down</c> or null) — the plant's own Q&amp;A set for evaluation and curation.
/// </summary>
internal sealed record QaExportLine(
    string AnswerId,
    DateTimeOffset Time,
    string Question,
    string Answer,
    AnswerMode Mode,
    string Language,
    IReadOnlyList<AuditCitation> Citations,
    IReadOnlyDictionary<string, string?> Revisions,
    string? Rating,
    string? Comment)
{
    public static QaExportLine From(AuditEntry entry, AnswerFeedback? feedback) => new(
        entry.Id,
        entry.Time,
        entry.Question,
        entry.Answer,
        entry.Mode,
        entry.Language,
        entry.Citations,
        entry.Citations.GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.First().Revision),
        feedback?.Rating switch { 1 => "up", -1 => "down", _ => null },
        feedback?.Comment);
}
