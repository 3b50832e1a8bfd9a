using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>
/// Read-only connections to one index file, kept for reuse by this index only (closed with it, so a restored file is
/// never read through a handle to the old one). In WAL mode each reader sees the last commit at the moment its
/// statement starts and none waits for the writer or for another reader: concurrent searches run in parallel.
/// </summary>
internal sealed class ReadConnections(string databasePath) : IDisposable
{
    // More idle connections than a busy server runs searches at once only hold file handles.
    private const int MaxIdle = 32;

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private int _disposed;

    public SqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteSchema.Exec(connection, null, "PRAGMA query_only=1; PRAGMA busy_timeout=10000;");
        return connection;
    }

    public void Return(SqliteConnection connection)
    {
        if (Volatile.Read(ref _disposed) != 0 || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
