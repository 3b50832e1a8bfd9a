namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>One PostgreSQL server for a test class (starting one takes seconds); absent where PostgreSQL is not installed.</summary>
public sealed class SharedPostgres : IDisposable
{
    public PostgresServer? Server { get; } = PostgresServer.Missing is null ? new PostgresServer() : null;

    public void Dispose() => Server?.Dispose();
}
