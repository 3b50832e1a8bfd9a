using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Hosting.Store;
using Npgsql;

namespace IndustryCopilot.Hosting.Conversations;

/// <summary>
/// People's conversations in the shared PostgreSQL database: a follow-up asked on any replica reads the turns the
/// others kept. A turn's number is taken under a row lock on its conversation, so two replicas appending to one
/// conversation at once keep both turns, in order.
/// </summary>
public sealed class PostgresConversationStore(PostgresStore store, TimeProvider? time = null) : IConversationStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task AppendAsync(string owner, string id, string question, string answer, string response, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO conversations (owner, id, title, created, updated) VALUES (@o, @id, @title, @now, @now)
            ON CONFLICT (owner, id) DO UPDATE SET updated = @now
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue("o", owner);
            upsert.Parameters.AddWithValue("id", id);
            upsert.Parameters.AddWithValue("title", ConversationText.Title(question));
            upsert.Parameters.AddWithValue("now", _time.GetUtcNow().ToUniversalTime());
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The upsert holds the conversation's row lock until commit: the next number is ours alone.
        await using (var turn = new NpgsqlCommand("""
            INSERT INTO conversation_turns (owner, conversation, seq, question, answer, response, created)
            VALUES (@o, @id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM conversation_turns WHERE owner = @o AND conversation = @id), @q, @a, @r, @now)
            """, connection, tx))
        {
            turn.Parameters.AddWithValue("o", owner);
            turn.Parameters.AddWithValue("id", id);
            turn.Parameters.AddWithValue("q", question);
            turn.Parameters.AddWithValue("a", answer);
            turn.Parameters.AddWithValue("r", response);
            turn.Parameters.AddWithValue("now", _time.GetUtcNow().ToUniversalTime());
            await turn.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT id, title, created, updated FROM conversations WHERE owner = @o ORDER BY updated DESC", Summary, cancellationToken, ("o", owner)).ConfigureAwait(false);

    public async Task<Conversation?> GetAsync(string owner, string id, CancellationToken cancellationToken = default)
    {
        var summary = (await QueryAsync("SELECT id, title, created, updated FROM conversations WHERE owner = @o AND id = @id", Summary, cancellationToken, ("o", owner), ("id", id)).ConfigureAwait(false)).FirstOrDefault();
        return summary is null ? null : new Conversation(summary, await QueryAsync(
            "SELECT question, answer, response, created FROM conversation_turns WHERE owner = @o AND conversation = @id ORDER BY seq",
            r => new ConversationEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)), cancellationToken, ("o", owner), ("id", id)).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string owner, string id, Func<string, bool>? mayUse = null, CancellationToken cancellationToken = default)
    {
        var turns = await QueryAsync(
            $"SELECT question, answer, response FROM conversation_turns WHERE owner = @o AND conversation = @id ORDER BY seq DESC LIMIT {ConversationText.HistoryTurns}",
            r => (Turn: new ConversationTurn(r.GetString(0), r.GetString(1)), Response: r.GetString(2)), cancellationToken, ("o", owner), ("id", id)).ConfigureAwait(false);
        return [.. turns.Where(t => mayUse is null || mayUse(t.Response)).Select(t => t.Turn).Reverse()];
    }

    public async Task<bool> RenameAsync(string owner, string id, string title, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE conversations SET title = @t WHERE owner = @o AND id = @id", cancellationToken, ("t", ConversationText.Title(title)), ("o", owner), ("id", id)).ConfigureAwait(false) > 0;

    // The turns go with their conversation (ON DELETE CASCADE).
    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM conversations WHERE owner = @o AND id = @id", cancellationToken, ("o", owner), ("id", id)).ConfigureAwait(false) > 0;

    // The store is shared and owned by the composition, not by one of its users.
    public void Dispose()
    {
    }

    private static ConversationSummary Summary(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
