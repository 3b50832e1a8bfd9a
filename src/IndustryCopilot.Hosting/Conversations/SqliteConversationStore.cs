using System.Globalization;
using IndustryCopilot.Core.Answering.Generation;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Conversations;

/// <summary>
/// People's conversations in <c>conversations.db</c> beside the audit (one server); see <see cref="IConversationStore"/>.
/// A local file answers at once, so the async methods complete synchronously.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public SqliteConversationStore(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        _time = time ?? TimeProvider.System;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "conversations.db"), Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS conversations (owner TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (owner, id));
            CREATE TABLE IF NOT EXISTS turns (owner TEXT NOT NULL, conversation TEXT NOT NULL, seq INTEGER NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, response TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY (owner, conversation, seq));
            """);
    }

    public Task AppendAsync(string owner, string id, string question, string answer, string response, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            Execute("INSERT INTO conversations (owner, id, title, created, updated) VALUES ($o, $id, $title, $now, $now) ON CONFLICT (owner, id) DO UPDATE SET updated = $now",
                ("$o", owner), ("$id", id), ("$title", ConversationText.Title(question)), ("$now", now));
            Execute("INSERT INTO turns (owner, conversation, seq, question, answer, response, created) VALUES ($o, $id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE owner = $o AND conversation = $id), $q, $a, $r, $now)",
                ("$o", owner), ("$id", id), ("$q", question), ("$a", answer), ("$r", response), ("$now", now));
            transaction.Commit();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConversationSummary>>(Query("SELECT id, title, created, updated FROM conversations WHERE owner = $o ORDER BY updated DESC", r => new ConversationSummary(r.GetString(0), r.GetString(1), Date(r.GetString(2)), Date(r.GetString(3))), ("$o", owner)));

    public Task<Conversation?> GetAsync(string owner, string id, CancellationToken cancellationToken = default)
    {
        var summary = Query("SELECT id, title, created, updated FROM conversations WHERE owner = $o AND id = $id", r => new ConversationSummary(r.GetString(0), r.GetString(1), Date(r.GetString(2)), Date(r.GetString(3))), ("$o", owner), ("$id", id)).FirstOrDefault();
        return Task.FromResult(summary is null ? null : new Conversation(summary, Query(
            "SELECT question, answer, response, created FROM turns WHERE owner = $o AND conversation = $id ORDER BY seq",
            r => new ConversationEntry(r.GetString(0), r.GetString(1), r.GetString(2), Date(r.GetString(3))), ("$o", owner), ("$id", id))));
    }

    public Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string owner, string id, Func<string, bool>? mayUse = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConversationTurn>>([.. Query("SELECT question, answer, response FROM turns WHERE owner = $o AND conversation = $id ORDER BY seq DESC LIMIT " + ConversationText.HistoryTurns, r => (Turn: new ConversationTurn(r.GetString(0), r.GetString(1)), Response: r.GetString(2)), ("$o", owner), ("$id", id))
            .Where(t => mayUse is null || mayUse(t.Response)).Select(t => t.Turn).Reverse()]);

    public Task<bool> RenameAsync(string owner, string id, string title, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Execute("UPDATE conversations SET title = $t WHERE owner = $o AND id = $id", ("$t", ConversationText.Title(title)), ("$o", owner), ("$id", id)) > 0);
        }
    }

    public Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            Execute("DELETE FROM turns WHERE owner = $o AND conversation = $id", ("$o", owner), ("$id", id));
            var deleted = Execute("DELETE FROM conversations WHERE owner = $o AND id = $id", ("$o", owner), ("$id", id)) > 0;
            transaction.Commit();
            return Task.FromResult(deleted);
        }
    }

    public void Dispose() => _connection.Dispose();

    private static DateTimeOffset Date(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, string Value)[] parameters)
    {
        lock (_lock)
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    private int Execute(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, (string Name, string Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
