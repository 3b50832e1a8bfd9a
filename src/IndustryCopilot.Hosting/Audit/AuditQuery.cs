using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Hosting.Audit;

/// <summary>Which audit entries to read, newest first. Every criterion is optional; <see cref="Limit"/> defaults to 100 (at most 10,000).</summary>
public sealed record AuditQuery
{
    /// <summary>Most entries one query returns.</summary>
    public const int MaxLimit = 10_000;

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Key name or id.</summary>
    public string? Key { get; init; }

    public string? Channel { get; init; }

    public AnswerMode? Mode { get; init; }

    /// <summary>Text the question must contain (case-insensitive for ASCII).</summary>
    public string? Contains { get; init; }

    /// <summary>Only answers that received feedback.</summary>
    public bool RatedOnly { get; init; }

    public int Limit { get; init; } = 100;
}
