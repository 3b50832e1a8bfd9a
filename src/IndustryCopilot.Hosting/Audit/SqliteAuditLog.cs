using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Audit;

/// <summary>
/// The append-only answer record in <c>audit.db</c> (data directory): one row per answer, one per rating. Triggers
/// make SQLite refuse UPDATE and DELETE on both tables, so the trail cannot be edited through this program or any
/// other SQLite client short of dropping the triggers; a crash loses at most the answer being written (WAL). A local
/// file answers at once, so the async methods complete synchronously.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private static JsonSerializerOptions Json => AuditJson.Options;

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    public SqliteAuditLog(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "audit.db"), Pooling = false }.ToString());
        _connection.Open();
        Exec("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS answers (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, key_id TEXT NOT NULL,
                key_name TEXT NOT NULL, channel TEXT NOT NULL, mode TEXT NOT NULL, question TEXT NOT NULL, entry TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS answers_time ON answers(time);
            CREATE TABLE IF NOT EXISTS feedback (seq INTEGER PRIMARY KEY, answer_id TEXT NOT NULL, time TEXT NOT NULL, key_id TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating IN (-1, 1)), comment TEXT);
            CREATE INDEX IF NOT EXISTS feedback_answer ON feedback(answer_id);
            CREATE TRIGGER IF NOT EXISTS answers_no_update BEFORE UPDATE ON answers BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS answers_no_delete BEFORE DELETE ON answers BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS feedback_no_update BEFORE UPDATE ON feedback BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS feedback_no_delete BEFORE DELETE ON feedback BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            CREATE TABLE IF NOT EXISTS actions (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, key_id TEXT NOT NULL, key_name TEXT NOT NULL,
                action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL);
            CREATE TRIGGER IF NOT EXISTS actions_no_update BEFORE UPDATE ON actions BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS actions_no_delete BEFORE DELETE ON actions BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            """);
    }

    /// <summary>Records an administrative action (a held document released after review, …), append-only like the answers.</summary>
    public Task AppendActionAsync(AdminAction action, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO actions (time, key_id, key_name, action, target, detail) VALUES ($time, $key, $name, $action, $target, $detail)";
            command.Parameters.AddWithValue("$time", Stamp(action.Time));
            command.Parameters.AddWithValue("$key", action.KeyId);
            command.Parameters.AddWithValue("$name", action.KeyName);
            command.Parameters.AddWithValue("$action", action.Action);
            command.Parameters.AddWithValue("$target", action.Target);
            command.Parameters.AddWithValue("$detail", action.Detail);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <summary>The administrative actions on a target (a document id), oldest first.</summary>
    public Task<IReadOnlyList<AdminAction>> ActionsAsync(string target, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT time, key_id, key_name, action, target, detail FROM actions WHERE target = $target ORDER BY seq";
            command.Parameters.AddWithValue("$target", target);
            using var reader = command.ExecuteReader();
            var actions = new List<AdminAction>();
            while (reader.Read())
            {
                actions.Add(new AdminAction(DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return Task.FromResult<IReadOnlyList<AdminAction>>(actions);
        }
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO answers (id, time, key_id, key_name, channel, mode, question, entry) VALUES ($id, $time, $key, $name, $channel, $mode, $question, $entry)";
            command.Parameters.AddWithValue("$id", entry.Id);
            command.Parameters.AddWithValue("$time", Stamp(entry.Time));
            command.Parameters.AddWithValue("$key", entry.KeyId);
            command.Parameters.AddWithValue("$name", entry.KeyName);
            command.Parameters.AddWithValue("$channel", entry.Channel);
            command.Parameters.AddWithValue("$mode", JsonNamingPolicy.CamelCase.ConvertName(entry.Mode.ToString()));
            command.Parameters.AddWithValue("$question", entry.Question);
            command.Parameters.AddWithValue("$entry", JsonSerializer.Serialize(entry, Json));
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task<AuditEntry?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read("a.id = $id", [("$id", id)], 1, null).Select(r => r.Entry).FirstOrDefault());

    public Task AddFeedbackAsync(AnswerFeedback feedback, CancellationToken cancellationToken = default)
    {
        AuditJson.CheckRating(feedback);

        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO feedback (answer_id, time, key_id, rating, comment) VALUES ($id, $time, $key, $rating, $comment)";
            command.Parameters.AddWithValue("$id", feedback.AnswerId);
            command.Parameters.AddWithValue("$time", Stamp(feedback.Time));
            command.Parameters.AddWithValue("$key", feedback.KeyId);
            command.Parameters.AddWithValue("$rating", feedback.Rating);
            command.Parameters.AddWithValue("$comment", (object?)feedback.Comment ?? DBNull.Value);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Entries matching <paramref name="query"/>, newest first, each with its latest feedback; when
    /// <paramref name="visibleGroups"/> is given, only entries revealing no document outside those groups.
    /// </summary>
    public Task<IReadOnlyList<(AuditEntry Entry, AnswerFeedback? Feedback)>> QueryAsync(AuditQuery query, IReadOnlyCollection<string>? visibleGroups, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "1 = 1" };
        var parameters = new List<(string, object)>();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            parameters.Add((name, value));
        }

        if (query.From is { } from) Add("a.time >= $from", "$from", Stamp(from));
        if (query.To is { } to) Add("a.time < $to", "$to", Stamp(to));
        if (query.Key is { } key) Add("(a.key_name = $key OR a.key_id = $key)", "$key", key);
        if (query.Channel is { } channel) Add("a.channel = $channel", "$channel", channel);
        if (query.Mode is { } mode) Add("a.mode = $mode", "$mode", JsonNamingPolicy.CamelCase.ConvertName(mode.ToString()));
        if (query.Contains is { Length: > 0 } text) Add("instr(lower(a.question), lower($text)) > 0", "$text", text);
        if (query.RatedOnly) where.Add("f.rating IS NOT NULL");
        return Task.FromResult<IReadOnlyList<(AuditEntry, AnswerFeedback?)>>(Read(string.Join(" AND ", where), parameters, Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit), visibleGroups));
    }

    public void Dispose() => _connection.Dispose();

    // Sortable and exact: the time column is compared as text.
    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private List<(AuditEntry Entry, AnswerFeedback? Feedback)> Read(string where, IEnumerable<(string Name, object Value)> parameters, int limit, IReadOnlyCollection<string>? visibleGroups)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            // The latest rating per answer: the feedback row with the highest sequence number.
            command.CommandText = $"""
                SELECT a.entry, f.time, f.key_id, f.rating, f.comment FROM answers a
                LEFT JOIN feedback f ON f.seq = (SELECT max(seq) FROM feedback WHERE answer_id = a.id)
                WHERE {where} ORDER BY a.seq DESC
                """;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            var rows = new List<(AuditEntry, AnswerFeedback?)>();
            while (rows.Count < limit && reader.Read())
            {
                var entry = JsonSerializer.Deserialize<AuditEntry>(reader.GetString(0), Json)!;
                if (visibleGroups is not null && !entry.VisibleTo(visibleGroups))
                {
                    continue;
                }

                var feedback = reader.IsDBNull(3) ? null : new AnswerFeedback(entry.Id, DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                rows.Add((entry, feedback));
            }

            return rows;
        }
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
