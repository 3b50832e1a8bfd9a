using Npgsql;

namespace IndustryCopilot.Hosting.Store;

/// <summary>
/// The shared PostgreSQL database: one pooled data source per process. Before the first use the schema is created or
/// brought up to date, once, under an advisory lock so replicas starting together do not race each other's
/// <c>CREATE</c>s; when the database cannot be reached, the next use tries again (nothing is remembered as broken).
/// </summary>
public sealed class PostgresStore : IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock every schema change of ours takes (any fixed number; keys are per database).</summary>
    public const long SchemaLock = 0x1C0_0001;

    private readonly NpgsqlDataSource _source;
    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private Task? _schema;

    public PostgresStore(string connectionString)
    {
        _connectionString = connectionString;
        _source = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>
    /// The data source without waiting for the schema: for the few callers that must be synchronous (ASP.NET's key
    /// ring) and keep a table of their own, created under <see cref="SchemaLock"/>.
    /// </summary>
    public NpgsqlDataSource UncheckedSource => _source;

    /// <summary>The data source, once the schema is in place.</summary>
    public async Task<NpgsqlDataSource> ReadyAsync(CancellationToken cancellationToken = default)
    {
        Task schema;
        lock (_gate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                // Not the caller's token: the schema is everyone's, and one caller giving up must not fail the others.
                _schema = EnsureSchemaAsync();
            }

            schema = _schema;
        }

        await schema.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _source;
    }

    /// <summary>
    /// An open connection of its own, outside the pool, with TCP keepalives: for a session-level advisory lock, which
    /// must end when this process or its network does, and never be handed to another user of the pool.
    /// </summary>
    public async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 5, TcpKeepAlive = true }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public void Dispose() => _source.Dispose();

    private async Task EnsureSchemaAsync()
    {
        await using var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock})", connection, tx))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(PostgresSchema.Sql, connection, tx))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await tx.CommitAsync().ConfigureAwait(false);
    }
}
