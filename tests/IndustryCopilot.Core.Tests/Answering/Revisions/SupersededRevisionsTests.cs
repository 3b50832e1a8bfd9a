using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Revisions;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Answering.Revisions;

public sealed class SupersededRevisionsTests
{
    [Theory]
    [InlineData("Rev B 里是多少分钟？", "B")]
    [InlineData("E-203 报警在B版里怎么处理？", "B")]
    [InlineData("版本：C 的规定", "C")]
    [InlineData("What did revision 2 say?", "2")]
    [InlineData("rev. d torque", "D")]
    [InlineData("In version C, what is the torque?", "C")]
    [InlineData("E-203 报警怎么处理？", null)]
    [InlineData("新版本中换刀步骤有变化吗？", null)]
    [InlineData("Run the spindle at 2000 rev/min", null)]
    [InlineData("What does a version control system do?", null)]
    [InlineData("GB/T 3098.1 的 2010 版规定是多少？", null)]
    [InlineData("Reverse the motor before review", null)]
    [InlineData("What is the revised interval?", null)]
    public void Named_Question_RevisionItNames(string question, string? named) => Assert.Equal(named, SupersededRevisions.Named(question));

    private static RetrievalIndex Plant(IReadOnlyList<string>? oldGroups = null)
    {
        var fixture = new RetrievalIndex();
        fixture.Add(new DocumentInfo { Id = "sop-b", SourcePath = "/plant/sop-b.md", ContentHash = "b", Format = "markdown", SizeBytes = 1, Title = "SOP-PR-017 换刀作业指导书", DocumentNumber = "SOP-PR-017", Revision = "版本: B", EffectiveDate = new DateOnly(2023, 2, 10), Language = DocumentLanguage.Zh, AccessGroups = oldGroups ?? ["public"] },
            ("5 常见故障代码", null, "E-203 主轴过热：停机冷却20 min 后重新启动。"));
        fixture.Add(new DocumentInfo { Id = "sop-c", SourcePath = "/plant/sop-c.md", ContentHash = "c", Format = "markdown", SizeBytes = 1, Title = "SOP-PR-017 换刀作业指导书", DocumentNumber = "SOP-PR-017", Revision = "版本: C", EffectiveDate = new DateOnly(2025, 6, 1), Language = DocumentLanguage.Zh, AccessGroups = ["public"] },
            ("5 常见故障代码", null, "| 代码 | 含义 | 处理措施 |\n| --- | --- | --- |\n| E-203 | 主轴过热 | 停机冷却30 min，检查主轴冷却油位 |"));
        return fixture;
    }

    private static Task<Answer> AnswerAsync(RetrievalIndex fixture, string question) =>
        new QuoteAnswerer(fixture.Retriever, new AnsweringOptions { GateThreshold = 0, AnswerThreshold = 0 }).AskAsync(question);

    [Fact]
    public async Task Note_OlderRevisionNamed_AnswerFromCurrentWithWhatTheOldOneSaidAndSince()
    {
        using var fixture = Plant();
        const string question = "E-203 报警在 B 版里怎么处理？";
        var answer = await AnswerAsync(fixture, question);
        Assert.All(answer.Citations, c => Assert.Equal("sop-c", c.DocumentId));

        var note = SupersededRevisions.Note(question, answer, fixture.Index, SearchFilter.None);

        Assert.NotNull(note);
        Assert.Equal(("B", "C"), (note.Named, note.Current));
        Assert.Equal("sop-b", note.DocumentId);
        Assert.Equal("E-203 主轴过热：停机冷却20 min 后重新启动。", note.Quote);
        Assert.Contains("2025-06-01", note.Text, StringComparison.Ordinal);
        Assert.Contains("依据 C 版", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_CurrentRevisionNamed_NoNote()
    {
        using var fixture = Plant();
        const string question = "E-203 报警在 C 版里怎么处理？";

        Assert.Null(SupersededRevisions.Note(question, await AnswerAsync(fixture, question), fixture.Index, SearchFilter.None));
    }

    [Fact]
    public async Task Note_RevisionNotInCatalog_SaysSoWithoutQuoting()
    {
        using var fixture = Plant();
        const string question = "E-203 报警在 A 版里怎么处理？";

        var note = SupersededRevisions.Note(question, await AnswerAsync(fixture, question), fixture.Index, SearchFilter.None);

        Assert.NotNull(note);
        Assert.Null(note.Quote);
        Assert.Contains("没有 SOP-PR-017 的 A 版", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_OldRevisionOfAnotherGroup_NotRead()
    {
        // Another department's old revision: not the same revision line, and not the caller's to read.
        using var fixture = Plant(oldGroups: ["quality"]);
        const string question = "E-203 报警在 B 版里怎么处理？";
        var filter = SearchFilter.None with { AccessGroups = ["public", "production"] };

        var note = SupersededRevisions.Note(question, await AnswerAsync(fixture, question), fixture.Index, filter);

        Assert.NotNull(note);
        Assert.Null(note.Quote);
        Assert.DoesNotContain("20 min", note.Text, StringComparison.Ordinal);
    }
}
