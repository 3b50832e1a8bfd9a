using System.Text.Json;
using IndustryCopilot.Hosting.Store;
using Npgsql;
using NpgsqlTypes;

namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// API keys in the shared PostgreSQL database: a key made on one replica is accepted by every other on its next
/// request, and one revoked anywhere is refused everywhere from then on (each request reads the row; nothing is cached).
/// </summary>
public sealed class PostgresApiKeyStore(PostgresStore store, TimeProvider? time = null) : IApiKeyStore
{
    private const string Columns = "id, name, role, groups, created, revoked, all_groups, last_used";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<(string Key, ApiKey Record)> AddAsync(string name, ApiKeyRole role, IEnumerable<string> groups, bool allGroups = false, CancellationToken cancellationToken = default)
    {
        var (key, hash, record) = ApiKeySecrets.Issue(name, role, groups, allGroups, Now());
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("""
            INSERT INTO api_keys (id, name, hash, role, groups, all_groups, created) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (name) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = record.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Role.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(record.Groups), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = allGroups });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Created });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new DuplicateKeyNameException(record.Name);
        }

        return (key, record);
    }

    public async Task<ApiKey?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (ApiKeySecrets.HashOf(presented) is not { } hash)
        {
            return null;
        }

        var key = (await QueryAsync("hash = $1 AND revoked IS NULL", hash, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        var now = Now();
        if (key is not null && ApiKeySecrets.UseWorthRecording(key.LastUsed, now))
        {
            var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
            await using var command = source.CreateCommand("UPDATE api_keys SET last_used = $2 WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = key.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            key = key with { LastUsed = now };
        }

        return key;
    }

    public async Task<ApiKey?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync("name = $1", name, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("$1::text IS NULL", null, cancellationToken).ConfigureAwait(false);

    public async Task<bool> RevokeAsync(string nameOrId, Func<ApiKey, bool>? allowed = null, CancellationToken cancellationToken = default)
    {
        var target = (await QueryAsync("(name = $1 OR id = $1) AND revoked IS NULL", nameOrId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (target is null || (allowed is not null && !allowed(target)))
        {
            return false;
        }

        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("UPDATE api_keys SET revoked = $2 WHERE id = $1 AND revoked IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = target.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = Now() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    // timestamptz keeps microseconds: times are cut to them before use, so what a caller is given is what is stored.
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    // The store is shared and owned by the composition, not by one of its users.
    public void Dispose()
    {
    }

    private async Task<List<ApiKey>> QueryAsync(string where, string? value, CancellationToken cancellationToken)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand($"SELECT {Columns} FROM api_keys WHERE {where} ORDER BY created, id");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new ApiKey(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<ApiKeyRole>(reader.GetString(2)),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))
            { AllGroups = reader.GetBoolean(6), LastUsed = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7) });
        }

        return keys;
    }
}
