using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>A command on a rented read connection; disposing it hands the connection back.</summary>
internal sealed class ReadCommand : SqliteCommand
{
    private readonly ReadConnections _pool;
    private SqliteConnection? _rented;

    public ReadCommand(ReadConnections pool, string sql)
    {
        _pool = pool;
        _rented = pool.Rent();
        Connection = _rented;
        CommandText = sql;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _rented, null) is { } connection)
        {
            _pool.Return(connection);
        }
    }
}
