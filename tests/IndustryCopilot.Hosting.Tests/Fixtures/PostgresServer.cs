using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL server (Debian's) in a temporary folder on a loopback port: <c>initdb</c>, then <c>pg_ctl start</c>,
/// stopped and deleted on dispose. Each test takes a database of its own (<see cref="NewDatabaseAsync"/>). PostgreSQL
/// refuses to run as root, so as root it runs as the <c>postgres</c> account the package creates.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly string? BinDirectory = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
        : null;

    private readonly string _folder;
    private int _databases;

    public PostgresServer()
    {
        _folder = Directory.CreateTempSubdirectory("icp-postgres-").FullName;
        Port = FreePort();
        if (Environment.UserName == "root")
        {
            Run("/bin/chown", "postgres", _folder);
        }

        Pg("initdb", "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        // fsync off: a test database need not survive a power cut, and syncing costs seconds on a busy CI disk.
        Pg("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
    }

    /// <summary>Why PostgreSQL cannot run here, or null.</summary>
    public static string? Missing => BinDirectory is null
        ? "needs Debian's postgresql (apt-get install postgresql): initdb and pg_ctl under /usr/lib/postgresql/*/bin; test.sh installs it"
        : null;

    public int Port { get; }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "icp_test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public void Dispose()
    {
        try
        {
            Pg("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    private void Pg(string tool, params string[] arguments)
    {
        var program = Path.Combine(BinDirectory ?? throw new InvalidOperationException(Missing), tool);
        if (Environment.UserName == "root")
        {
            Run("/usr/sbin/runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
