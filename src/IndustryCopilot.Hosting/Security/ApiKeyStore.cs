using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IndustryCopilot.Core.Documents;
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

    /// <summary>Creates a key; returns it (the only time it is visible) with its record.</summary>
    /// <param name="name">Who uses the key, unique.</param>
    /// <param name="role">What it may do.</param>
    /// <param name="groups">The document access groups it may see (names checked by <see cref="AccessGroupName"/>).</param>
    /// <param name="allGroups">Lets an admin key manage keys of every group (the CLI's <c>--all-groups</c>; never from the API).</param>
    public (string Key, ApiKey Record) Add(string name, ApiKeyRole role, IEnumerable<string> groups, bool allGroups = false)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("a key name of 1–100 characters is required", nameof(name));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException("role must be reader, editor or admin", nameof(role));
        }

        if (allGroups && role != ApiKeyRole.Admin)
        {
            throw new ArgumentException("only an admin key can manage all groups", nameof(allGroups));
        }

        var groupList = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (groupList.FirstOrDefault(g => !AccessGroupName.IsValid(g)) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a group name: {AccessGroupName.Rule}", nameof(groups));
        }

        var key = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), name.Trim(), role, groupList, _time.GetUtcNow(), null) { AllGroups = allGroups };
        lock (_lock)
        {
            if (Get(name.Trim()) is not null)
            {
                throw new InvalidOperationException($"a key named '{name.Trim()}' already exists");
            }

            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, name, hash, role, groups, created, all_groups) VALUES ($id, $name, $hash, $role, $groups, $created, $all)";
            command.Parameters.AddWithValue("$all", allGroups ? 1 : 0);
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

        var key = Query("hash = $v", Hash(presented)).FirstOrDefault(k => k.Active);
        var now = _time.GetUtcNow();
        if (key is not null && (key.LastUsed is not { } used || now - used >= LastUsedResolution))
        {
            // Written at most once a minute per key: the admin page needs "used today", not a write on every request.
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

        return key;
    }

    /// <summary>How stale <see cref="ApiKey.LastUsed"/> may be.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public ApiKey? Get(string name) => Query("name = $v", name).FirstOrDefault();

    public IReadOnlyList<ApiKey> List() => Query("1 = 1 OR $v IS NULL", null);

    /// <summary>Revokes a key by name or id; false when there is no such active key, or when <paramref name="allowed"/> refuses it.</summary>
    public bool Revoke(string nameOrId, Func<ApiKey, bool>? allowed = null)
    {
        var target = Query("(name = $v OR id = $v) AND revoked IS NULL", nameOrId).FirstOrDefault();
        if (target is null || (allowed is not null && !allowed(target)))
        {
            return false;
        }

        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked = $now WHERE id = $v AND revoked IS NULL";
            command.Parameters.AddWithValue("$v", target.Id);
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
                    DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture))
                { AllGroups = reader.GetInt64(6) != 0, LastUsed = reader.IsDBNull(7) ? null : DateTimeOffset.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture) });
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
