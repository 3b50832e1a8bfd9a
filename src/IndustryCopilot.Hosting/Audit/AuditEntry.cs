using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Verification;

namespace IndustryCopilot.Hosting.Audit;

/// <summary>
/// One answer as recorded: who asked (key id and name) through which channel (<c>api</c>, <c>web</c>, <c>openai</c>,
/// <c>mes</c>, later the bots), what was asked and answered, how (mode, model, prompt version, verification), from
/// which passages, and how long it took (milliseconds).
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The answer id clients use for feedback: 32 hex characters.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string KeyId { get; init; }

    public required string KeyName { get; init; }

    public required string Channel { get; init; }

    public required string Question { get; init; }

    /// <summary>The rewritten question when a follow-up was condensed with its conversation.</summary>
    public string? StandaloneQuestion { get; init; }

    public string? ConversationId { get; init; }

    public required string Answer { get; init; }

    public required AnswerMode Mode { get; init; }

    /// <summary>What the answer claimed: answered, closest passages (not an answer) or not found. Entries written before outcomes existed read as answered.</summary>
    public AnswerOutcome Outcome { get; init; } = AnswerOutcome.Answered;

    public required string Language { get; init; }

    public IReadOnlyList<AuditCitation> Citations { get; init; } = [];

    /// <summary>
    /// Access groups of every document the entry reveals (cited, or suggested when refused), one list per document.
    /// A reader of the audit or export sees the entry only if it may see each of those documents.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> DocumentGroups { get; init; } = [];

    public string? Model { get; init; }

    public string? PromptVersion { get; init; }

    public VerificationReport? Verification { get; init; }

    public double Support { get; init; }

    public double LatencyMs { get; init; }

    /// <summary>True when a caller with <paramref name="groups"/> may see every document this entry reveals.</summary>
    public bool VisibleTo(IReadOnlyCollection<string> groups) =>
        DocumentGroups.All(g => g.Any(groups.Contains));
}
