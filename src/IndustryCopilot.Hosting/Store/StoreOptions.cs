using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Hosting.Store;

/// <summary>
/// Where the server's records live. Bound from <c>Store</c>. SQLite (default) keeps them in files in the data directory;
/// PostgreSQL keeps them in one database that several servers share (see docs/install.md, Plant group).
/// </summary>
public sealed class StoreOptions : IValidatedOptions
{
    public const string Section = "Store";

    /// <summary><c>Sqlite</c> (default: files in the data directory) or <c>Postgres</c> (one database for every replica).</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL connection string when <c>Provider</c> is <c>Postgres</c>, e.g.
    /// <c>Host=db;Database=copilot;Username=copilot;Password=…</c> (set it through <c>ICP_Store__ConnectionString</c>
    /// or a secret, not in a file others can read).
    /// </summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<string> Problems()
    {
        if (Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{Section}:ConnectionString is required when {Section}:Provider is Postgres";
        }
    }
}
