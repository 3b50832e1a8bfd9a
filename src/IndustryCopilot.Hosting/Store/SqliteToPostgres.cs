using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IndustryCopilot.Hosting.Store;

/// <summary>
/// Copies a server's own records — <c>keys.db</c>, <c>audit.db</c> and <c>conversations.db</c> of its data directory — into the shared
/// PostgreSQL database, row for row: keys keep their ids and hashes (so every key handed out keeps working), audit
/// entries their ids, times and order. Safe to run again: a row already there is not copied twice. One transaction,
/// so a failure leaves the database as it was.
/// </summary>
public static class SqliteToPostgres
{
    public static async Task<StoreMigration> MigrateAsync(string dataDirectory, PostgresStore store, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await CopyAsync(Path.Combine(dataDirectory, "keys.db"), "SELECT id, name, hash, role, groups, all_groups, created, revoked, last_used FROM api_keys ORDER BY created",
            """
            INSERT INTO api_keys (id, name, hash, role, groups, all_groups, created, revoked, last_used)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) ON CONFLICT DO NOTHING
            """,
            r => [r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0, Time(r, 6), Time(r, 7), Time(r, 8)],
            connection, tx, cancellationToken).ConfigureAwait(false);
        var audit = Path.Combine(dataDirectory, "audit.db");
        var answers = await CopyAsync(audit, "SELECT id, time, key_id, key_name, channel, mode, question, entry FROM answers ORDER BY seq",
            """
            INSERT INTO audit_answers (id, time, key_id, key_name, channel, mode, question, entry)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (id) DO NOTHING
            """,
            r => [r.GetString(0), Time(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)],
            connection, tx, cancellationToken).ConfigureAwait(false);
        // Ratings and actions have no id of their own: a row equal in every column is the same row.
        var feedback = await CopyAsync(audit, "SELECT answer_id, time, key_id, rating, comment FROM feedback ORDER BY seq",
            """
            INSERT INTO audit_feedback (answer_id, time, key_id, rating, comment) SELECT $1, $2, $3, $4, $5
            WHERE NOT EXISTS (SELECT 1 FROM audit_feedback WHERE answer_id = $1 AND time = $2 AND key_id = $3 AND rating = $4 AND comment IS NOT DISTINCT FROM $5)
            """,
            r => [r.GetString(0), Time(r, 1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4)],
            connection, tx, cancellationToken).ConfigureAwait(false);
        var actions = await CopyAsync(audit, "SELECT time, key_id, key_name, action, target, detail FROM actions ORDER BY seq",
            """
            INSERT INTO audit_actions (time, key_id, key_name, action, target, detail) SELECT $1, $2, $3, $4, $5, $6
            WHERE NOT EXISTS (SELECT 1 FROM audit_actions WHERE time = $1 AND key_id = $2 AND action = $4 AND target = $5 AND detail = $6)
            """,
            r => [Time(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)],
            connection, tx, cancellationToken).ConfigureAwait(false);
        var (conversations, turns) = await CopyConversationsAsync(Path.Combine(dataDirectory, "conversations.db"), connection, tx, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoreMigration(keys, answers, feedback, actions) { Conversations = conversations, Turns = turns };
    }

    // People's conversations keep their ids, titles, times and turns, so a follow-up after the switch has its history.
    private static async Task<((int Read, int Written) Conversations, (int Read, int Written) Turns)> CopyConversationsAsync(string file, NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        var conversations = await CopyAsync(file, "SELECT owner, id, title, created, updated FROM conversations ORDER BY created",
            "INSERT INTO conversations (owner, id, title, created, updated) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            r => [r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), Time(r, 4)],
            connection, tx, cancellationToken).ConfigureAwait(false);
        var turns = await CopyAsync(file, "SELECT owner, conversation, seq, question, answer, response, created FROM turns ORDER BY owner, conversation, seq",
            """
            INSERT INTO conversation_turns (owner, conversation, seq, question, answer, response, created)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """,
            r => [r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), Time(r, 6)],
            connection, tx, cancellationToken).ConfigureAwait(false);
        return (conversations, turns);
    }

    // Rows read and rows written (a row already in the database is read, not written).
    private static async Task<(int Read, int Written)> CopyAsync(string file, string select, string insert, Func<SqliteDataReader, object?[]> values, NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return (0, 0);
        }

        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = sqlite.CreateCommand();
        read.CommandText = select;
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int rows = 0, written = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(insert, connection, tx);
            foreach (var value in values(reader))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            rows++;
            written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (rows, written);
    }

    // SQLite holds round-trip ("O") or sortable UTC text; timestamptz keeps microseconds.
    private static DateTimeOffset? Time(SqliteDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            return null;
        }

        var time = DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
        return time.AddTicks(-(time.Ticks % 10));
    }
}
