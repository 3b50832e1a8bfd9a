namespace IndustryCopilot.Hosting.Audit;

/// <summary>
/// The append-only record of every answer, rating and administrative action: <see cref="SqliteAuditLog"/> (one
/// server, <c>audit.db</c>) or <see cref="PostgresAuditLog"/> (one table for every replica of a group). Both refuse
/// UPDATE and DELETE in the database itself and pass the same contract tests.
/// </summary>
public interface IAuditLog : IDisposable
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<AuditEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <exception cref="ArgumentOutOfRangeException">A rating other than +1 or -1.</exception>
    Task AddFeedbackAsync(AnswerFeedback feedback, CancellationToken cancellationToken = default);

    /// <summary>
    /// Entries matching <paramref name="query"/>, newest first, each with its latest feedback; when
    /// <paramref name="visibleGroups"/> is given, only entries revealing no document outside those groups.
    /// </summary>
    Task<IReadOnlyList<(AuditEntry Entry, AnswerFeedback? Feedback)>> QueryAsync(AuditQuery query, IReadOnlyCollection<string>? visibleGroups, CancellationToken cancellationToken = default);

    /// <summary>Records an administrative action (a held document released after review, …).</summary>
    Task AppendActionAsync(AdminAction action, CancellationToken cancellationToken = default);

    /// <summary>The administrative actions on a target (a document id), oldest first.</summary>
    Task<IReadOnlyList<AdminAction>> ActionsAsync(string target, CancellationToken cancellationToken = default);
}
