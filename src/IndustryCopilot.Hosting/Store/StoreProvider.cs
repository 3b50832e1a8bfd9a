namespace IndustryCopilot.Hosting.Store;

/// <summary>Where the server's own records (keys, audit, …) live.</summary>
public enum StoreProvider
{
    /// <summary>SQLite files in the data directory: one server (the default).</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by every replica of a plant group's deployment.</summary>
    Postgres,
}
