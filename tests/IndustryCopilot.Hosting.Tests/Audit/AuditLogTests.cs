using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Audit;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Tests.Audit;

public sealed class AuditLogTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_ThenGetAndQuery_RoundTripsNewestFirstWithFilters()
    {
        using var dir = new TempDirectory();
        using var audit = new AuditLog(dir.Path);
        audit.Append(Entry("a", Noon, "mes-line3", "mes", AnswerMode.Quote, "报警 E-217 怎么处理？"));
        audit.Append(Entry("b", Noon.AddMinutes(5), "web-user", "web", AnswerMode.Refused, "price of gold"));
        audit.Append(Entry("c", Noon.AddMinutes(10), "mes-line3", "api", AnswerMode.Quote, "M12 torque"));

        Assert.Equal("报警 E-217 怎么处理？", audit.Get("a")!.Question);
        Assert.Equal(["c", "b", "a"], audit.Query(new AuditQuery(), null).Select(r => r.Entry.Id));
        Assert.Equal(["c", "a"], audit.Query(new AuditQuery { Key = "mes-line3" }, null).Select(r => r.Entry.Id));
        Assert.Equal(["b"], audit.Query(new AuditQuery { Mode = AnswerMode.Refused }, null).Select(r => r.Entry.Id));
        Assert.Equal(["b"], audit.Query(new AuditQuery { From = Noon.AddMinutes(1), To = Noon.AddMinutes(6) }, null).Select(r => r.Entry.Id));
        Assert.Equal(["c"], audit.Query(new AuditQuery { Contains = "m12" }, null).Select(r => r.Entry.Id));
        Assert.Equal(["c"], audit.Query(new AuditQuery { Limit = 1 }, null).Select(r => r.Entry.Id));
    }

    [Fact]
    public void AddFeedback_TwoRatings_LatestCountsAndRatedOnlyFilters()
    {
        using var dir = new TempDirectory();
        using var audit = new AuditLog(dir.Path);
        audit.Append(Entry("a", Noon, "k", "api", AnswerMode.Quote, "q1"));
        audit.Append(Entry("b", Noon, "k", "api", AnswerMode.Quote, "q2"));

        audit.AddFeedback(new AnswerFeedback("a", Noon.AddMinutes(1), "k", -1, null));
        audit.AddFeedback(new AnswerFeedback("a", Noon.AddMinutes(2), "k", 1, "fixed"));

        var rated = Assert.Single(audit.Query(new AuditQuery { RatedOnly = true }, null));
        Assert.Equal("a", rated.Entry.Id);
        Assert.Equal(1, rated.Feedback!.Rating);
        Assert.Equal("fixed", rated.Feedback.Comment);
        Assert.Throws<ArgumentOutOfRangeException>(() => audit.AddFeedback(new AnswerFeedback("a", Noon, "k", 5, null)));
    }

    [Fact]
    public void Query_CallerWithoutACitedDocumentsGroup_EntryHidden()
    {
        using var dir = new TempDirectory();
        using var audit = new AuditLog(dir.Path);
        audit.Append(Entry("open", Noon, "k", "api", AnswerMode.Quote, "q") with { DocumentGroups = [["public"]] });
        audit.Append(Entry("mixed", Noon, "k", "api", AnswerMode.Quote, "q") with { DocumentGroups = [["public"], ["quality"]] });
        audit.Append(Entry("removed", Noon, "k", "api", AnswerMode.Quote, "q") with { DocumentGroups = [[]] });

        Assert.Equal(["open"], audit.Query(new AuditQuery(), ["public", "production"]).Select(r => r.Entry.Id));
        Assert.Equal(["mixed", "open"], audit.Query(new AuditQuery(), ["public", "quality"]).Select(r => r.Entry.Id));
    }

    [Fact]
    public void Database_UpdateOrDeleteFromAnotherClient_Refused()
    {
        using var dir = new TempDirectory();
        using (var audit = new AuditLog(dir.Path))
        {
            audit.Append(Entry("a", Noon, "k", "api", AnswerMode.Quote, "q"));
            audit.AddFeedback(new AnswerFeedback("a", Noon, "k", 1, null));
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir.Path, "audit.db")};Pooling=false");
        connection.Open();
        foreach (var sql in new[] { "UPDATE answers SET question = 'edited'", "DELETE FROM answers", "UPDATE feedback SET rating = -1", "DELETE FROM feedback" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Describe_QuoteAnswer_CitationsCarryDocumentHashAndGroups()
    {
        var document = new DocumentInfo { Id = "d1", SourcePath = "/x/a.md", ContentHash = new string('a', 64), Format = "markdown", SizeBytes = 1, Title = "A", Revision = "C", AccessGroups = ["quality"] };
        var answer = new Answer
        {
            Question = "q",
            Text = "x [1]",
            Mode = AnswerMode.Quote,
            Citations = [new Citation { Number = 1, ChunkId = "d1#0", DocumentId = "d1", DocumentTitle = "A", Revision = "C", SectionPath = "A > 1", Quote = "x", SourcePath = "/x/a.md" }],
        };

        var entry = AnswerAudit.Describe(answer, ("k1", "mes"), "mes", id => id == "d1" ? document : null, Noon, 12.34, "abc");

        Assert.Equal(32, entry.Id.Length);
        Assert.Equal(new string('a', 64), Assert.Single(entry.Citations).DocumentHash);
        Assert.Equal(["quality"], Assert.Single(entry.DocumentGroups));
        Assert.Null(entry.PromptVersion);
        Assert.Equal(12.3, entry.LatencyMs);
    }

    private static AuditEntry Entry(string id, DateTimeOffset time, string key, string channel, AnswerMode mode, string question) => new()
    {
        Id = id, Time = time, KeyId = key, KeyName = key, Channel = channel, Question = question, Answer = "…", Mode = mode, Language = "en",
    };
}
