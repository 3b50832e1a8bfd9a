using System.Globalization;
using System.Text.Json;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Server.SignIn;

/// <summary>People's sessions in <c>sessions.db</c> in the data directory (one server); see <see cref="ISessionTickets"/>.</summary>
internal sealed class SqliteSessionTickets : ISessionTickets, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public SqliteSessionTickets(string dataDirectory, IDataProtectionProvider protection, TimeProvider time)
    {
        Directory.CreateDirectory(dataDirectory);
        _protector = protection.CreateProtector("IndustryCopilot.Sessions.v1");
        _time = time;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "sessions.db"), Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, subject TEXT NOT NULL, name TEXT NOT NULL, groups TEXT NOT NULL,
                                                 created TEXT NOT NULL, expires TEXT, ticket BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS sessions_subject ON sessions(subject);
            """);
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            // Sessions past their end are of no use to anyone: drop them as new ones come.
            Execute("DELETE FROM sessions WHERE expires IS NOT NULL AND expires < $now", ("$now", Stamp(now)));
            Execute(
                "INSERT INTO sessions (id, subject, name, groups, created, expires, ticket) VALUES ($id, $subject, $name, $groups, $created, $expires, $ticket)",
                ("$id", id), ("$subject", ticket.Principal.Key().Id), ("$name", ticket.Principal.Key().Name), ("$groups", JsonSerializer.Serialize(ticket.Principal.Groups())),
                ("$created", Stamp(now)), ("$expires", Expires(ticket)), ("$ticket", Protect(ticket)));
        }

        return Task.FromResult(id);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        lock (_lock)
        {
            // Only a session that still exists is renewed: a request racing a sign-out must not bring it back.
            Execute("UPDATE sessions SET groups = $groups, expires = $expires, ticket = $ticket WHERE id = $id",
                ("$id", key), ("$groups", JsonSerializer.Serialize(ticket.Principal.Groups())), ("$expires", Expires(ticket)), ("$ticket", Protect(ticket)));
        }

        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        byte[]? blob;
        string? expires;
        lock (_lock)
        {
            using var command = Command("SELECT ticket, expires FROM sessions WHERE id = $id", ("$id", key));
            using var reader = command.ExecuteReader();
            (blob, expires) = reader.Read() ? ((byte[])reader[0], reader.IsDBNull(1) ? null : reader.GetString(1)) : (null, null);
        }

        if (blob is null || (expires is not null && DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture) < _time.GetUtcNow()))
        {
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        try
        {
            return Task.FromResult(TicketSerializer.Default.Deserialize(_protector.Unprotect(blob)));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Keys rotated away or the row tampered with: the session is simply gone.
            return Task.FromResult<AuthenticationTicket?>(null);
        }
    }

    public Task RemoveAsync(string key)
    {
        lock (_lock)
        {
            Execute("DELETE FROM sessions WHERE id = $id", ("$id", key));
        }

        return Task.CompletedTask;
    }

    public Task<int> EndAllAsync(string subject, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Execute("DELETE FROM sessions WHERE subject = $s", ("$s", subject)));
        }
    }

    public Task<IReadOnlyList<KeptSession>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = Stamp(_time.GetUtcNow());
        lock (_lock)
        {
            using var command = Command("SELECT subject, name, groups, created, expires FROM sessions WHERE expires IS NULL OR expires >= $now ORDER BY created DESC", ("$now", now));
            using var reader = command.ExecuteReader();
            var rows = new List<KeptSession>();
            while (reader.Read())
            {
                rows.Add(new KeptSession(
                    reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [],
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
            }

            return Task.FromResult<IReadOnlyList<KeptSession>>(rows);
        }
    }

    public void Dispose() => _connection.Dispose();

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string? Expires(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } expires ? Stamp(expires) : null;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
