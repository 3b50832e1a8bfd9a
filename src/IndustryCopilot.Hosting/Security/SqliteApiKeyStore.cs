using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// API keys in <c>keys.db</c> in the data directory (one server). Only each key's SHA-256 is stored
/// (<see cref="ApiKeySecrets"/>); lookups compare hashes. A local file answers at once, so the async methods complete
/// synchronously.
/// </summary>
public sealed class SqliteApiKeyStore : IApiKeyStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public SqliteApiKeyStore(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        _time = time ?? TimeProvider.System;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "keys.db"), Pooling = false }.ToString());
        _connection.Open();
        Exec("PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, groups TEXT NOT NULL, created TEXT NOT NULL, revoked TEXT);");
        if (!HasColumn("all_groups"))
        {
            // Keys made before admins were scoped keep the reach they had only through their groups.
            Exec("ALTER TABLE api_keys ADD COLUMN all_groups INTEGER NOT NULL DEFAULT 0;");
        }

        if (!HasColumn("last_used"))
        {
            Exec("ALTER TABLE api_keys ADD COLUMN last_used TEXT;");
        }
    }

    public Task<(string Key, ApiKey Record)> AddAsync(string name, ApiKeyRole role, IEnumerable<string> groups, bool allGroups = false, CancellationToken cancellationToken = default)
    {
        var (key, hash, record) = ApiKeySecrets.Issue(name, role, groups, allGroups, _time.GetUtcNow());
        lock (_lock)
        {
            if (Query("name = $v", record.Name).Count > 0)
            {
                throw new DuplicateKeyNameException(record.Name);
            }

            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, name, hash, role, groups, created, all_groups) VALUES ($id, $name, $hash, $role, $groups, $created, $all)";
            command.Parameters.AddWithValue("$all", allGroups ? 1 : 0);
            command.Parameters.AddWithValue("$id", record.Id);
            command.Parameters.AddWithValue("$name", record.Name);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$role", record.Role.ToString());
            command.Parameters.AddWithValue("$groups", JsonSerializer.Serialize(record.Groups));
            command.Parameters.AddWithValue("$created", record.Created.ToString("O"));
            command.ExecuteNonQuery();
        }

        return Task.FromResult((key, record));
    }

    public Task<ApiKey?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (ApiKeySecrets.HashOf(presented) is not { } hash)
        {
            return Task.FromResult<ApiKey?>(null);
        }

        var key = Query("hash = $v", hash).FirstOrDefault(k => k.Active);
        var now = _time.GetUtcNow();
        if (key is not null && ApiKeySecrets.UseWorthRecording(key.LastUsed, now))
        {
            lock (_lock)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "UPDATE api_keys SET last_used = $now WHERE id = $id";
                command.Parameters.AddWithValue("$id", key.Id);
                command.Parameters.AddWithValue("$now", now.ToString("O"));
                command.ExecuteNonQuery();
            }

            key = key with { LastUsed = now };
        }

        return Task.FromResult(key);
    }

    public Task<ApiKey?> GetAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(Query("name = $v", name).FirstOrDefault());

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ApiKey>>(Query("1 = 1 OR $v IS NULL", null));

    public Task<bool> RevokeAsync(string nameOrId, Func<ApiKey, bool>? allowed = null, CancellationToken cancellationToken = default)
    {
        var target = Query("(name = $v OR id = $v) AND revoked IS NULL", nameOrId).FirstOrDefault();
        if (target is null || (allowed is not null && !allowed(target)))
        {
            return Task.FromResult(false);
        }

        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked = $now WHERE id = $v AND revoked IS NULL";
            command.Parameters.AddWithValue("$v", target.Id);
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToString("O"));
            return Task.FromResult(command.ExecuteNonQuery() > 0);
        }
    }

    public void Dispose() => _connection.Dispose();

    private List<ApiKey> Query(string where, string? value)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, name, role, groups, created, revoked, all_groups, last_used FROM api_keys WHERE {where} ORDER BY created";
            command.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var keys = new List<ApiKey>();
            while (reader.Read())
            {
                keys.Add(new ApiKey(
                    reader.GetString(0),
                    reader.GetString(1),
                    Enum.Parse<ApiKeyRole>(reader.GetString(2)),
                    JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
                { AllGroups = reader.GetInt64(6) != 0, LastUsed = reader.IsDBNull(7) ? null : DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture) });
            }

            return keys;
        }
    }

    private bool HasColumn(string column)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM pragma_table_info('api_keys') WHERE name = $c";
        command.Parameters.AddWithValue("$c", column);
        return command.ExecuteScalar() is not null;
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
