using Npgsql;

namespace IndustryCopilot.Hosting.Store;

/// <summary>
/// Which replica of a group indexes: the one holding a PostgreSQL session-level advisory lock on a connection of its
/// own. The lock ends with that connection, so when the holder's process dies (or its network does, found by TCP
/// keepalives) the database releases it and the next replica to ask takes over; a live holder keeps it until it stops.
/// </summary>
public sealed class IndexerLease(PostgresStore store) : IAsyncDisposable
{
    /// <summary>The advisory lock key of the indexer (keys are per database; next to <see cref="PostgresStore.SchemaLock"/>).</summary>
    public const long LockKey = 0x1C0_0002;

    private NpgsqlConnection? _connection;

    /// <summary>Whether this replica held the lease when last asked.</summary>
    public bool Held => _connection is not null;

    /// <summary>Takes the lease when no other replica holds it; true when this replica holds it (now or already).</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is not null)
        {
            return await StillHeldAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = await store.OpenDedicatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                _connection = connection;
                return true;
            }
        }
        catch (NpgsqlException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Whether the lease's connection still answers; when it does not, the lease is given up here (the database has
    /// released it with the session) and false returned, so this replica stops writing.
    /// </summary>
    public async Task<bool> StillHeldAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is null)
        {
            return false;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await ReleaseAsync().ConfigureAwait(false);
            return false;
        }
    }

    public ValueTask DisposeAsync() => ReleaseAsync();

    // Closing the dedicated (unpooled) connection ends the session and with it the lock.
    private async ValueTask ReleaseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
