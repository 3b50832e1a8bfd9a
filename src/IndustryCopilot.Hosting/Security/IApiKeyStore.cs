namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// Where API keys live: <see cref="SqliteApiKeyStore"/> (one server, <c>keys.db</c>) or
/// <see cref="PostgresApiKeyStore"/> (every replica of a group, at once). Both pass the same contract tests.
/// </summary>
public interface IApiKeyStore : IDisposable
{
    /// <summary>Creates a key; returns it (the only time it is visible) with its record.</summary>
    /// <exception cref="ArgumentException">A bad name, role or group.</exception>
    /// <exception cref="DuplicateKeyNameException">A key of that name exists (revoked or not).</exception>
    Task<(string Key, ApiKey Record)> AddAsync(string name, ApiKeyRole role, IEnumerable<string> groups, bool allGroups = false, CancellationToken cancellationToken = default);

    /// <summary>The active key a presented secret belongs to, or null; records when it was last used (at most once a minute).</summary>
    Task<ApiKey?> FindAsync(string presented, CancellationToken cancellationToken = default);

    Task<ApiKey?> GetAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a key by name or id; false when there is no such active key, or when <paramref name="allowed"/> refuses it.</summary>
    Task<bool> RevokeAsync(string nameOrId, Func<ApiKey, bool>? allowed = null, CancellationToken cancellationToken = default);
}
