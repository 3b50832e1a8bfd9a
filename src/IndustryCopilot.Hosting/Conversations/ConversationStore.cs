using System.Globalization;
using IndustryCopilot.Core.Answering.Generation;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Conversations;

/// <summary>
/// People's conversations in <c>conversations.db</c> beside the audit: each belongs to one owner (a person's subject
/// or a key's id) and every read, rename and delete is limited to that owner, so nobody else ever sees it. Follow-up
/// questions read their history from here, so they continue after a restart.
/// </summary>
public sealed class ConversationStore : IDisposable
{
    /// <summary>Longest title kept, in characters (the first question, cut).</summary>
    public const int MaxTitle = 80;

    /// <summary>Turns given to the model as history for a follow-up (the most recent).</summary>
    public const int HistoryTurns = 6;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public ConversationStore(string dataDirectory, TimeProvider? time = null)
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

    /// <summary>Adds a question and its answer (<paramref name="response"/>: the answer as the API returned it, JSON) to the owner's conversation, creating it titled after the first question.</summary>
    public void Append(string owner, string id, string question, string answer, string response)
    {
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            Execute("INSERT INTO conversations (owner, id, title, created, updated) VALUES ($o, $id, $title, $now, $now) ON CONFLICT (owner, id) DO UPDATE SET updated = $now",
                ("$o", owner), ("$id", id), ("$title", Title(question)), ("$now", now));
            Execute("INSERT INTO turns (owner, conversation, seq, question, answer, response, created) VALUES ($o, $id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE owner = $o AND conversation = $id), $q, $a, $r, $now)",
                ("$o", owner), ("$id", id), ("$q", question), ("$a", answer), ("$r", response), ("$now", now));
            transaction.Commit();
        }
    }

    /// <summary>The owner's conversations, most recently used first.</summary>
    public IReadOnlyList<ConversationSummary> List(string owner) =>
        Query("SELECT id, title, created, updated FROM conversations WHERE owner = $o ORDER BY updated DESC", r => new ConversationSummary(r.GetString(0), r.GetString(1), Date(r.GetString(2)), Date(r.GetString(3))), ("$o", owner));

    /// <summary>The owner's conversation with its turns in order, or null (also when it is someone else's).</summary>
    public Conversation? Get(string owner, string id)
    {
        var summary = Query("SELECT id, title, created, updated FROM conversations WHERE owner = $o AND id = $id", r => new ConversationSummary(r.GetString(0), r.GetString(1), Date(r.GetString(2)), Date(r.GetString(3))), ("$o", owner), ("$id", id)).FirstOrDefault();
        return summary is null ? null : new Conversation(summary, Query(
            "SELECT question, answer, response, created FROM turns WHERE owner = $o AND conversation = $id ORDER BY seq",
            r => new ConversationEntry(r.GetString(0), r.GetString(1), r.GetString(2), Date(r.GetString(3))), ("$o", owner), ("$id", id)));
    }

    /// <summary>
    /// The last turns of the owner's conversation, as follow-up history (empty when there is none). Turns whose stored
    /// response <paramref name="mayUse"/> refuses (it reveals a document the owner may no longer see) are left out.
    /// </summary>
    public IReadOnlyList<ConversationTurn> History(string owner, string id, Func<string, bool>? mayUse = null) =>
        [.. Query("SELECT question, answer, response FROM turns WHERE owner = $o AND conversation = $id ORDER BY seq DESC LIMIT " + HistoryTurns, r => (Turn: new ConversationTurn(r.GetString(0), r.GetString(1)), Response: r.GetString(2)), ("$o", owner), ("$id", id))
            .Where(t => mayUse is null || mayUse(t.Response)).Select(t => t.Turn).Reverse()];

    public bool Rename(string owner, string id, string title)
    {
        lock (_lock)
        {
            return Execute("UPDATE conversations SET title = $t WHERE owner = $o AND id = $id", ("$t", Title(title)), ("$o", owner), ("$id", id)) > 0;
        }
    }

    public bool Delete(string owner, string id)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            Execute("DELETE FROM turns WHERE owner = $o AND conversation = $id", ("$o", owner), ("$id", id));
            var deleted = Execute("DELETE FROM conversations WHERE owner = $o AND id = $id", ("$o", owner), ("$id", id)) > 0;
            transaction.Commit();
            return deleted;
        }
    }

    public void Dispose() => _connection.Dispose();

    private static string Title(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxTitle ? line : line[..(MaxTitle - 1)] + "…";
    }

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
