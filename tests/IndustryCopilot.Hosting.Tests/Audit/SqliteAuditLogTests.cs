using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Audit;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Tests.Audit;

/// <summary>The audit contract over <c>audit.db</c> in a data directory.</summary>
public sealed class SqliteAuditLogTests : AuditLogContract, IDisposable
{
    private readonly TempDirectory _data = new();

    protected override string? Unavailable => null;

    protected override (string Answers, string Feedback, string Actions) Tables => ("answers", "feedback", "actions");

    public void Dispose() => _data.Dispose();

    protected override Task<IAuditLog> OpenAsync() => Task.FromResult<IAuditLog>(new SqliteAuditLog(_data.Path));

    protected override async Task ExecuteAsAnotherClientAsync(string statement)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "audit.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        await command.ExecuteNonQueryAsync();
    }
}
