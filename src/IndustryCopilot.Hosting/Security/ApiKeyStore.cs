using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// API keys in <c>keys.db</c> in the data directory. A key is 32 random bytes shown once as <c>icp_</c> + hex; only
/// its SHA-256 is stored (keys are random, so no salt or slow hash is needed to resist guessing), so a stolen
/// database does not reveal usable keys. Lookups compare hashes.
/// </summary>
public sealed class ApiKeyStore : IDisposable
{
    private const string Prefix = "icp_";
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public ApiKeyStore(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        _time = time ?? TimeProvider.System;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "keys.db"), Pooling = false }.ToString());
        _connection.Open();
        Exec("PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, groups TEXT NOT NULL, created TEXT NOT NULL, revoked TEXT);");
    }

    /// <summary>Creates a key; returns it (the only time it is visible) with its record.</summary>
    public (string Key, ApiKey Record) Add(string name, ApiKeyRole role, IEnumerable<string> groups)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("a key name of 1–100 characters is required", nameof(name));
        }

        var groupList = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var key = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), name.Trim(), role, groupList, _time.GetUtcNow(), null);
        lock (_lock)
        {
            if (Get(name.Trim()) is not null)
            {
                throw new InvalidOperationException($"a key named '{name.Trim()}' already exists");
            }

            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, name, hash, role, groups, created) VALUES ($id, $name, $hash, $role, $groups, $created)";
            command.Parameters.AddWithValue("$id", record.Id);
            command.Parameters.AddWithValue("$name", record.Name);
            command.Parameters.AddWithValue("$hash", Hash(key));
            command.Parameters.AddWithValue("$role", record.Role.ToString());
            command.Parameters.AddWithValue("$groups", JsonSerializer.Serialize(groupList));
            command.Parameters.AddWithValue("$created", record.Created.ToString("O"));
            command.ExecuteNonQuery();
        }

        return (key, record);
    }

    /// <summary>The active key a presented secret belongs to, or null.</summary>
    public ApiKey? Find(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length != Prefix.Length + 64)
        {
            return null;
        }

        return Query("hash = $v", Hash(presented)).FirstOrDefault(k => k.Active);
    }

    public ApiKey? Get(string name) => Query("name = $v", name).FirstOrDefault();

    public IReadOnlyList<ApiKey> List() => Query("1 = 1 OR $v IS NULL", null);

    /// <summary>Revokes a key by name or id; false when there is no such active key.</summary>
    public bool Revoke(string nameOrId)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked = $now WHERE (name = $v OR id = $v) AND revoked IS NULL";
            command.Parameters.AddWithValue("$v", nameOrId);
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToString("O"));
            return command.ExecuteNonQuery() > 0;
        }
    }

    public void Dispose() => _connection.Dispose();

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private List<ApiKey> Query(string where, string? value)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, name, role, groups, created, revoked FROM api_keys WHERE {where} ORDER BY created";
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
                    DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return keys;
        }
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
