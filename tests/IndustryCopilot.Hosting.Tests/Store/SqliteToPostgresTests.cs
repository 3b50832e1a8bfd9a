using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Hosting.Conversations;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Hosting.Tests.Store;

/// <summary>A server's own keys and audit moved into the shared database: keys keep working, the record keeps its order.</summary>
public sealed class SqliteToPostgresTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task MigrateAsync_KeysAndAudit_KeysStillWorkAuditInOrderAndASecondRunCopiesNothing()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Noon);
        string active, revoked;
        using (var keys = new SqliteApiKeyStore(data.Path, time))
        {
            active = (await keys.AddAsync("mes-line3", ApiKeyRole.Reader, ["production"])).Key;
            revoked = (await keys.AddAsync("old-tablet", ApiKeyRole.Editor, [])).Key;
            await keys.RevokeAsync("old-tablet");
            time.Advance(TimeSpan.FromMinutes(5));
            await keys.FindAsync(active);
        }

        using (var audit = new SqliteAuditLog(data.Path))
        {
            await audit.AppendAsync(Entry("first", Noon, "报警 E-217 怎么处理？"));
            await audit.AppendAsync(Entry("second", Noon.AddMinutes(1), "M12 torque"));
            await audit.AddFeedbackAsync(new AnswerFeedback("first", Noon.AddMinutes(2), "k", -1, "wrong table"));
            await audit.AppendActionAsync(new AdminAction(Noon.AddMinutes(3), "k", "admin", "release-held", "doc-1", "2 passage(s)"));
        }

        await using var store = new PostgresStore(await postgres.Server.NewDatabaseAsync());
        var first = await SqliteToPostgres.MigrateAsync(data.Path, store);
        var second = await SqliteToPostgres.MigrateAsync(data.Path, store);

        using var shared = new PostgresApiKeyStore(store, time);
        var found = await shared.FindAsync(active);
        Assert.Equal(("mes-line3", ApiKeyRole.Reader), (found!.Name, found.Role));
        Assert.Equal(Noon.AddMinutes(5), found.LastUsed);
        Assert.Null(await shared.FindAsync(revoked));
        using var sharedAudit = new PostgresAuditLog(store);
        var rows = await sharedAudit.QueryAsync(new AuditQuery(), null);
        Assert.Equal(["second", "first"], rows.Select(r => r.Entry.Id));
        Assert.Equal("wrong table", rows[1].Feedback!.Comment);
        Assert.Equal("报警 E-217 怎么处理？", rows[1].Entry.Question);
        Assert.Equal("2 passage(s)", Assert.Single(await sharedAudit.ActionsAsync("doc-1")).Detail);
        Assert.Equal(new StoreMigration((2, 2), (2, 2), (1, 1), (1, 1)), first);
        Assert.Equal(new StoreMigration((2, 0), (2, 0), (1, 0), (1, 0)), second);
    }

    [SkippableFact]
    public async Task MigrateAsync_Conversations_FollowUpAfterTheSwitchHasTheirHistory()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Noon);
        using (var conversations = new SqliteConversationStore(data.Path, time))
        {
            await conversations.AppendAsync("ldap:liwei", "c1", "M12 螺栓的拧紧力矩是多少？", "82 N·m [1]", "{}");
            time.Advance(TimeSpan.FromMinutes(1));
            await conversations.AppendAsync("ldap:liwei", "c1", "M16 呢？", "200 N·m [1]", "{}");
            await conversations.AppendAsync("key:mes-line3", "c9", "E-217?", "…", "{}");
        }

        await using var store = new PostgresStore(await postgres.Server.NewDatabaseAsync());
        var first = await SqliteToPostgres.MigrateAsync(data.Path, store);
        var second = await SqliteToPostgres.MigrateAsync(data.Path, store);

        var shared = new PostgresConversationStore(store, time);
        var kept = (await shared.GetAsync("ldap:liwei", "c1"))!;
        Assert.Equal(["M12 螺栓的拧紧力矩是多少？", "M16 呢？"], kept.Turns.Select(t => t.Question));
        Assert.Equal(Noon, kept.Summary.Created);
        Assert.Equal(((2, 2), (3, 3)), (first.Conversations, first.Turns));
        Assert.Equal(((2, 0), (3, 0)), (second.Conversations, second.Turns));
    }

    [SkippableFact]
    public async Task MigrateAsync_EmptyDataDirectory_NothingToCopy()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        using var data = new TempDirectory();
        await using var store = new PostgresStore(await postgres.Server.NewDatabaseAsync());

        var copied = await SqliteToPostgres.MigrateAsync(data.Path, store);

        Assert.Equal(new StoreMigration((0, 0), (0, 0), (0, 0), (0, 0)), copied);
    }

    private static AuditEntry Entry(string id, DateTimeOffset time, string question) => new()
    {
        Id = id, Time = time, KeyId = "k", KeyName = "k", Channel = "api", Question = question, Answer = "…", Mode = AnswerMode.Quote, Language = "zh",
    };
}
