using System.Text.Json;
using IndustryCopilot.Hosting.Store;
using Npgsql;
using NpgsqlTypes;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// A plant group's upload jobs in the shared database: any replica enqueues and shows them; the indexing replica takes
/// the oldest queued one with <c>FOR UPDATE SKIP LOCKED</c>, so two takers never get the same job even if the lease
/// were ever briefly held twice. A job a dead indexer left <c>indexing</c> goes back to the queue when another
/// replica takes the lease.
/// </summary>
internal sealed class PostgresUploadQueue(PostgresStore store, TimeProvider time) : IUploadQueue
{
    /// <summary>How often an idle indexer looks for new jobs.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const string Columns = "id, file_name, state, created, key_id, groups, path, previous_path, document_id, chunks, pages, error, finished";
    private static readonly string Taker = $"{Environment.MachineName}/{Environment.ProcessId}";
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public async Task<UploadJob> EnqueueAsync(UploadJob job, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken);
        await using var command = source.CreateCommand($"INSERT INTO upload_jobs ({Columns}) VALUES (@id, @name, @state, @created, @key, @groups, @path, @previous, NULL, 0, 0, NULL, NULL)");
        command.Parameters.AddWithValue("id", job.Id);
        command.Parameters.AddWithValue("name", job.FileName);
        command.Parameters.AddWithValue("state", Name(job.State));
        command.Parameters.AddWithValue("created", job.Created.ToUniversalTime());
        command.Parameters.AddWithValue("key", job.KeyId);
        command.Parameters.AddWithValue("groups", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(job.Groups));
        command.Parameters.AddWithValue("path", job.Path);
        command.Parameters.AddWithValue("previous", (object?)job.PreviousPath ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return job;
    }

    public async Task<UploadJob?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken);
        await using var command = source.CreateCommand($"SELECT {Columns} FROM upload_jobs WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<UploadJob> TakeAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var source = await store.ReadyAsync(cancellationToken);
            await using (var take = source.CreateCommand($"""
                UPDATE upload_jobs SET state = 'indexing', taken_by = @taker
                WHERE id = (SELECT id FROM upload_jobs WHERE state = 'queued' ORDER BY created, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING {Columns}
                """))
            {
                take.Parameters.AddWithValue("taker", Taker);
                await using var reader = await take.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    return Read(reader);
                }
            }

            await CountPendingAsync(source, cancellationToken);
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    public async Task FinishAsync(UploadJob job, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken);
        await using var command = source.CreateCommand("UPDATE upload_jobs SET state = @state, document_id = @document, chunks = @chunks, pages = @pages, error = @error, finished = @finished WHERE id = @id");
        command.Parameters.AddWithValue("id", job.Id);
        command.Parameters.AddWithValue("state", Name(job.State));
        command.Parameters.AddWithValue("document", (object?)job.DocumentId ?? DBNull.Value);
        command.Parameters.AddWithValue("chunks", job.Chunks);
        command.Parameters.AddWithValue("pages", job.Pages);
        command.Parameters.AddWithValue("error", (object?)job.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("finished", (object?)job.Finished?.ToUniversalTime() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await CountPendingAsync(source, cancellationToken);
    }

    public async Task<int> RequeueAbandonedAsync(CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken);
        await using var command = source.CreateCommand("UPDATE upload_jobs SET state = 'queued', taken_by = NULL WHERE state = 'indexing'");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CountPendingAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var count = source.CreateCommand("SELECT count(*) FROM upload_jobs WHERE state IN ('queued', 'indexing')");
        Volatile.Write(ref _pending, (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    private static string Name(UploadState state) => state.ToString().ToLowerInvariant();

    private static UploadJob Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), Enum.Parse<UploadState>(r.GetString(2), ignoreCase: true), r.GetFieldValue<DateTimeOffset>(3),
            r.IsDBNull(8) ? null : r.GetString(8), r.GetInt32(9), r.GetInt32(10), r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12))
        {
            KeyId = r.GetString(4),
            Groups = JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [],
            Path = r.GetString(6),
            PreviousPath = r.IsDBNull(7) ? null : r.GetString(7),
        };
}
