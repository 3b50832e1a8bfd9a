using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Hosting.Audit;

namespace IndustryCopilot.Hosting.Tests.Audit;

public sealed class AnswerAuditTests
{
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

        var entry = AnswerAudit.Describe(answer, ("k1", "mes"), "mes", id => id == "d1" ? document : null, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), 12.34, "abc");

        Assert.Equal(32, entry.Id.Length);
        Assert.Equal(new string('a', 64), Assert.Single(entry.Citations).DocumentHash);
        Assert.Equal(["quality"], Assert.Single(entry.DocumentGroups));
        Assert.Null(entry.PromptVersion);
        Assert.Equal(12.3, entry.LatencyMs);
    }
}
