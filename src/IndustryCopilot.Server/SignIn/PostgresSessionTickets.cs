using System.Text.Json;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using NpgsqlTypes;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// People's sessions in the shared PostgreSQL database (every replica of a group); see <see cref="ISessionTickets"/>.
/// Tickets are encrypted with the key ring kept in the same database (<see cref="PostgresKeyRing"/>), so any replica
/// can read a session another began.
/// </summary>
internal sealed class PostgresSessionTickets(PostgresStore store, IDataProtectionProvider protection, TimeProvider time) : ISessionTickets
{
    private readonly IDataProtector _protector = protection.CreateProtector("IndustryCopilot.Sessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var source = await store.ReadyAsync().ConfigureAwait(false);
        // Sessions past their end are of no use to anyone: dropped as new ones come.
        await using var command = source.CreateCommand("""
            DELETE FROM sessions WHERE expires < @now;
            INSERT INTO sessions (id, subject, name, groups, created, expires, ticket) VALUES (@id, @subject, @name, @groups, @now, @expires, @ticket);
            """);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("subject", ticket.Principal.Key().Id);
        command.Parameters.AddWithValue("name", ticket.Principal.Key().Name);
        command.Parameters.AddWithValue("groups", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(ticket.Principal.Groups()));
        command.Parameters.AddWithValue("expires", NpgsqlDbType.TimestampTz, Expires(ticket));
        command.Parameters.AddWithValue("ticket", Protect(ticket));
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var source = await store.ReadyAsync().ConfigureAwait(false);
        // Only a session that still exists is renewed: a request racing a sign-out must not bring it back.
        await using var command = source.CreateCommand("UPDATE sessions SET groups = @groups, expires = @expires, ticket = @ticket WHERE id = @id");
        command.Parameters.AddWithValue("id", key);
        command.Parameters.AddWithValue("groups", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(ticket.Principal.Groups()));
        command.Parameters.AddWithValue("expires", NpgsqlDbType.TimestampTz, Expires(ticket));
        command.Parameters.AddWithValue("ticket", Protect(ticket));
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var source = await store.ReadyAsync().ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT ticket FROM sessions WHERE id = @id AND (expires IS NULL OR expires >= @now)");
        command.Parameters.AddWithValue("id", key);
        command.Parameters.AddWithValue("now", time.GetUtcNow().ToUniversalTime());
        if (await command.ExecuteScalarAsync().ConfigureAwait(false) is not byte[] blob)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(blob));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Keys rotated away or the row tampered with: the session is simply gone.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        var source = await store.ReadyAsync().ConfigureAwait(false);
        await using var command = source.CreateCommand("DELETE FROM sessions WHERE id = @id");
        command.Parameters.AddWithValue("id", key);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<int> EndAllAsync(string subject, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("DELETE FROM sessions WHERE subject = @subject");
        command.Parameters.AddWithValue("subject", subject);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<KeptSession>> ListAsync(CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT subject, name, groups::text, created, expires FROM sessions WHERE expires IS NULL OR expires >= @now ORDER BY created DESC");
        command.Parameters.AddWithValue("now", time.GetUtcNow().ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<KeptSession>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new KeptSession(
                reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }

    private static object Expires(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } expires ? expires.ToUniversalTime() : DBNull.Value;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));
}
