using IndustryCopilot.Core.Answering;
using IndustryCopilot.Hosting.Audit;

namespace IndustryCopilot.Hosting.Tests.Audit;

/// <summary>
/// What every audit store must do, run against each provider (<see cref="SqliteAuditLogTests"/>,
/// <see cref="PostgresAuditLogTests"/>). "Another instance" is a second store over the same storage (another replica).
/// </summary>
public abstract class AuditLogContract
{
    protected static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Why this provider cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>An audit over this test's storage; every call opens another instance over the same storage.</summary>
    protected abstract Task<IAuditLog> OpenAsync();

    /// <summary>Runs a statement as another client of the storage would (not through the audit's own code).</summary>
    protected abstract Task ExecuteAsAnotherClientAsync(string statement);

    /// <summary>The storage's names for the answers, feedback and actions tables.</summary>
    protected abstract (string Answers, string Feedback, string Actions) Tables { get; }

    [SkippableFact]
    public async Task AppendAsync_ThenGetAndQuery_RoundTripsNewestFirstWithFilters()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var audit = await OpenAsync();
        await audit.AppendAsync(Entry("a", Noon, "mes-line3", "mes", AnswerMode.Quote, "报警 E-217 怎么处理？"));
        await audit.AppendAsync(Entry("b", Noon.AddMinutes(5), "web-user", "web", AnswerMode.Refused, "price of gold"));
        await audit.AppendAsync(Entry("c", Noon.AddMinutes(10), "mes-line3", "api", AnswerMode.Quote, "M12 torque"));

        Assert.Equal("报警 E-217 怎么处理？", (await audit.GetAsync("a"))!.Question);
        Assert.Null(await audit.GetAsync("nope"));
        Assert.Equal(["c", "b", "a"], await Ids(audit, new AuditQuery()));
        Assert.Equal(["c", "a"], await Ids(audit, new AuditQuery { Key = "mes-line3" }));
        Assert.Equal(["b"], await Ids(audit, new AuditQuery { Mode = AnswerMode.Refused }));
        Assert.Equal(["a"], await Ids(audit, new AuditQuery { Channel = "mes" }));
        Assert.Equal(["b"], await Ids(audit, new AuditQuery { From = Noon.AddMinutes(1), To = Noon.AddMinutes(6) }));
        Assert.Equal(["c"], await Ids(audit, new AuditQuery { Contains = "m12" }));
        Assert.Equal(["c"], await Ids(audit, new AuditQuery { Limit = 1 }));
    }

    [SkippableFact]
    public async Task AddFeedbackAsync_TwoRatings_LatestCountsAndRatedOnlyFilters()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var audit = await OpenAsync();
        await audit.AppendAsync(Entry("a", Noon, "k", "api", AnswerMode.Quote, "q1"));
        await audit.AppendAsync(Entry("b", Noon, "k", "api", AnswerMode.Quote, "q2"));

        await audit.AddFeedbackAsync(new AnswerFeedback("a", Noon.AddMinutes(1), "k", -1, null));
        await audit.AddFeedbackAsync(new AnswerFeedback("a", Noon.AddMinutes(2), "k", 1, "fixed"));

        var rated = Assert.Single(await audit.QueryAsync(new AuditQuery { RatedOnly = true }, null));
        Assert.Equal("a", rated.Entry.Id);
        Assert.Equal(1, rated.Feedback!.Rating);
        Assert.Equal("fixed", rated.Feedback.Comment);
        Assert.Equal(Noon.AddMinutes(2), rated.Feedback.Time);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => audit.AddFeedbackAsync(new AnswerFeedback("a", Noon, "k", 5, null)));
    }

    [SkippableFact]
    public async Task QueryAsync_CallerWithoutACitedDocumentsGroup_EntryHidden()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var audit = await OpenAsync();
        await audit.AppendAsync(Entry("open", Noon, "k", "api", AnswerMode.Quote, "q") with { DocumentGroups = [["public"]] });
        await audit.AppendAsync(Entry("mixed", Noon, "k", "api", AnswerMode.Quote, "q") with { DocumentGroups = [["public"], ["quality"]] });
        await audit.AppendAsync(Entry("removed", Noon, "k", "api", AnswerMode.Quote, "q") with { DocumentGroups = [[]] });

        Assert.Equal(["open"], (await audit.QueryAsync(new AuditQuery(), ["public", "production"])).Select(r => r.Entry.Id));
        Assert.Equal(["mixed", "open"], (await audit.QueryAsync(new AuditQuery(), ["public", "quality"])).Select(r => r.Entry.Id));
    }

    [SkippableFact]
    public async Task AppendActionAsync_TwoActions_ReadBackOldestFirstForTheirTarget()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var audit = await OpenAsync();
        await audit.AppendActionAsync(new AdminAction(Noon, "k1", "it-admin", "release-held", "doc-1", "3 passage(s)"));
        await audit.AppendActionAsync(new AdminAction(Noon.AddMinutes(1), "k2", "qa-admin", "release-held", "doc-2", "1 passage(s)"));
        await audit.AppendActionAsync(new AdminAction(Noon.AddMinutes(2), "k1", "it-admin", "release-held", "doc-1", "again"));

        var actions = await audit.ActionsAsync("doc-1");

        Assert.Equal(["3 passage(s)", "again"], actions.Select(a => a.Detail));
        Assert.Equal(Noon, actions[0].Time);
    }

    [SkippableFact]
    public async Task AppendAsync_TwoInstances_OneQueryReadsBoth()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var a = await OpenAsync();
        using var b = await OpenAsync();

        await a.AppendAsync(Entry("from-a", Noon, "k", "api", AnswerMode.Quote, "q"));
        await b.AppendAsync(Entry("from-b", Noon.AddMinutes(1), "k", "api", AnswerMode.Quote, "q"));

        Assert.Equal(["from-b", "from-a"], await Ids(a, new AuditQuery()));
        Assert.Equal(["from-b", "from-a"], await Ids(b, new AuditQuery()));
    }

    [SkippableFact]
    public async Task Storage_UpdateOrDeleteFromAnotherClient_Refused()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using (var audit = await OpenAsync())
        {
            await audit.AppendAsync(Entry("a", Noon, "k", "api", AnswerMode.Quote, "q"));
            await audit.AddFeedbackAsync(new AnswerFeedback("a", Noon, "k", 1, null));
            await audit.AppendActionAsync(new AdminAction(Noon, "k", "admin", "release-held", "doc", "d"));
        }

        var (answers, feedback, actions) = Tables;
        foreach (var sql in new[] { $"UPDATE {answers} SET question = 'edited'", $"DELETE FROM {answers}", $"UPDATE {feedback} SET rating = -1", $"DELETE FROM {feedback}", $"UPDATE {actions} SET detail = 'x'", $"DELETE FROM {actions}" })
        {
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsAnotherClientAsync(sql));
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        using var reopened = await OpenAsync();
        Assert.Equal("q", (await reopened.GetAsync("a"))!.Question);
    }

    private static async Task<List<string>> Ids(IAuditLog audit, AuditQuery query) => [.. (await audit.QueryAsync(query, null)).Select(r => r.Entry.Id)];

    private static AuditEntry Entry(string id, DateTimeOffset time, string key, string channel, AnswerMode mode, string question) => new()
    {
        Id = id, Time = time, KeyId = key, KeyName = key, Channel = channel, Question = question, Answer = "…", Mode = mode, Language = "en",
    };
}
