using System.Text.Json;
using IndustryCopilot.Hosting.Store;
using NpgsqlTypes;

namespace IndustryCopilot.Hosting.Audit;

/// <summary>
/// The audit in the shared PostgreSQL database: every replica appends to the same tables, so one query reads what the
/// whole group answered. Statement triggers refuse UPDATE, DELETE and TRUNCATE (see the schema), as SQLite's do.
/// </summary>
public sealed class PostgresAuditLog(PostgresStore store) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("""
            INSERT INTO audit_answers (id, time, key_id, key_name, channel, mode, question, entry)
            VALUES (@id, @time, @key, @name, @channel, @mode, @question, @entry)
            """);
        command.Parameters.AddWithValue("id", entry.Id);
        command.Parameters.AddWithValue("time", entry.Time.ToUniversalTime());
        command.Parameters.AddWithValue("key", entry.KeyId);
        command.Parameters.AddWithValue("name", entry.KeyName);
        command.Parameters.AddWithValue("channel", entry.Channel);
        command.Parameters.AddWithValue("mode", AuditJson.Mode(entry.Mode));
        command.Parameters.AddWithValue("question", entry.Question);
        command.Parameters.AddWithValue("entry", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(entry, AuditJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditEntry?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await ReadAsync("a.id = @id", [("id", id)], 1, null, cancellationToken).ConfigureAwait(false)).Select(r => r.Entry).FirstOrDefault();

    public async Task AddFeedbackAsync(AnswerFeedback feedback, CancellationToken cancellationToken = default)
    {
        AuditJson.CheckRating(feedback);
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("INSERT INTO audit_feedback (answer_id, time, key_id, rating, comment) VALUES (@id, @time, @key, @rating, @comment)");
        command.Parameters.AddWithValue("id", feedback.AnswerId);
        command.Parameters.AddWithValue("time", feedback.Time.ToUniversalTime());
        command.Parameters.AddWithValue("key", feedback.KeyId);
        command.Parameters.AddWithValue("rating", feedback.Rating);
        command.Parameters.AddWithValue("comment", NpgsqlDbType.Text, (object?)feedback.Comment ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(AuditEntry Entry, AnswerFeedback? Feedback)>> QueryAsync(AuditQuery query, IReadOnlyCollection<string>? visibleGroups, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "true" };
        var parameters = new List<(string, object)>();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            parameters.Add((name, value));
        }

        if (query.From is { } from) Add("a.time >= @from", "from", from.ToUniversalTime());
        if (query.To is { } to) Add("a.time < @to", "to", to.ToUniversalTime());
        if (query.Key is { } key) Add("(a.key_name = @key OR a.key_id = @key)", "key", key);
        if (query.Channel is { } channel) Add("a.channel = @channel", "channel", channel);
        if (query.Mode is { } mode) Add("a.mode = @mode", "mode", AuditJson.Mode(mode));
        if (query.Contains is { Length: > 0 } text) Add("strpos(lower(a.question), lower(@text)) > 0", "text", text);
        if (query.RatedOnly) where.Add("f.rating IS NOT NULL");
        return await ReadAsync(string.Join(" AND ", where), parameters, Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit), visibleGroups, cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendActionAsync(AdminAction action, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("INSERT INTO audit_actions (time, key_id, key_name, action, target, detail) VALUES (@time, @key, @name, @action, @target, @detail)");
        command.Parameters.AddWithValue("time", action.Time.ToUniversalTime());
        command.Parameters.AddWithValue("key", action.KeyId);
        command.Parameters.AddWithValue("name", action.KeyName);
        command.Parameters.AddWithValue("action", action.Action);
        command.Parameters.AddWithValue("target", action.Target);
        command.Parameters.AddWithValue("detail", action.Detail);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AdminAction>> ActionsAsync(string target, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT time, key_id, key_name, action, target, detail FROM audit_actions WHERE target = @target ORDER BY seq");
        command.Parameters.AddWithValue("target", target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var actions = new List<AdminAction>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            actions.Add(new AdminAction(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return actions;
    }

    // The store is shared and owned by the composition, not by one of its users.
    public void Dispose()
    {
    }

    private async Task<List<(AuditEntry Entry, AnswerFeedback? Feedback)>> ReadAsync(string where, IEnumerable<(string Name, object Value)> parameters, int limit, IReadOnlyCollection<string>? visibleGroups, CancellationToken cancellationToken)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        // The latest rating per answer: the feedback row with the highest sequence number.
        await using var command = source.CreateCommand($"""
            SELECT a.entry::text, f.time, f.key_id, f.rating, f.comment FROM audit_answers a
            LEFT JOIN LATERAL (SELECT time, key_id, rating, comment FROM audit_feedback WHERE answer_id = a.id ORDER BY seq DESC LIMIT 1) f ON true
            WHERE {where} ORDER BY a.seq DESC
            """);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(AuditEntry, AnswerFeedback?)>();
        while (rows.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var entry = JsonSerializer.Deserialize<AuditEntry>(reader.GetString(0), AuditJson.Options)!;
            if (visibleGroups is not null && !entry.VisibleTo(visibleGroups))
            {
                continue;
            }

            var feedback = reader.IsDBNull(3) ? null : new AnswerFeedback(entry.Id, reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            rows.Add((entry, feedback));
        }

        return rows;
    }
}
