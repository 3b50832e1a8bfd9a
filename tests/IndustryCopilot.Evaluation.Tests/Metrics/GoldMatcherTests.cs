using IndustryCopilot.Core.Documents;
using IndustryCopilot.Evaluation.Metrics;
using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation.Tests.Metrics;

public sealed class GoldMatcherTests
{
    private static DocumentInfo Doc(string path) => new() { Id = "d", SourcePath = path, ContentHash = "h", Format = "pdf", SizeBytes = 1, Title = "t", AccessGroups = ["public"] };

    private static Chunk Chunk(string? clause = null, int? from = null, int? to = null, string text = "x") =>
        new() { DocumentId = "d", Ordinal = 0, SectionPath = "", ClauseLabel = clause, PageStart = from, PageEnd = to, Text = text, Hash = "h" };

    private readonly GoldMatcher _matcher = new("/eval/corpus");

    [Fact]
    public void Matches_SameDocumentAndArticle_Unit()
    {
        var gold = new GoldUnit("社会法/安全生产法.md", Article: "第二十一条");

        Assert.Equal([gold.Key], _matcher.Matches([gold], Chunk("第二十一条"), Doc("/eval/corpus/社会法/安全生产法.md")));
        Assert.Empty(_matcher.Matches([gold], Chunk("第二十二条"), Doc("/eval/corpus/社会法/安全生产法.md")));
        Assert.Empty(_matcher.Matches([gold], Chunk("第二十一条"), Doc("/eval/corpus/行政法/消防法.md")));
    }

    [Fact]
    public void Matches_PageInsideChunkPageRange_Unit()
    {
        var gold = new GoldUnit("osha3120.pdf", Page: 8);

        Assert.Single(_matcher.Matches([gold], Chunk(from: 7, to: 8), Doc("/eval/corpus/osha3120.pdf")));
        Assert.Empty(_matcher.Matches([gold], Chunk(from: 9, to: 10), Doc("/eval/corpus/osha3120.pdf")));
    }

    [Fact]
    public void Matches_NoPageOrArticle_ChunkHoldingTheQuote()
    {
        var gold = new GoldUnit("torque.xlsx", Quote: "| M16 | 8.8 | 200 |");

        Assert.Single(_matcher.Matches([gold], Chunk(text: "| Size | Grade | Torque |\n| --- | --- | --- |\n| M16 | 8.8 | 200 |"), Doc("/eval/corpus/torque.xlsx")));
        Assert.Empty(_matcher.Matches([gold], Chunk(text: "| Size | Grade | Torque |\n| --- | --- | --- |\n| M12 | 8.8 | 82 |"), Doc("/eval/corpus/torque.xlsx")));
    }
}
