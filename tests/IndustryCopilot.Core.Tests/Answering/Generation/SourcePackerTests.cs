using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Answering.Generation;

public sealed class SourcePackerTests
{
    private static readonly ApproximateTokenCounter Counter = ApproximateTokenCounter.Instance;

    private static RetrievedChunk Long(string id, int sentences) =>
        Sources.Hit(id, string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"Step {i} of {id}: check the valve and record the reading in the log book.")));

    [Fact]
    public void Pack_ManyLongSources_StaysWithinBudgetInRankOrderLastOneTrimmedAtSentenceEnd()
    {
        var hits = Enumerable.Range(1, 20).Select(i => Long($"doc{i}", 30)).ToList();

        var packed = SourcePacker.Pack(hits, tokenBudget: 1800, Counter);

        Assert.True(Counter.Count(SourcePacker.Render(packed)) <= 1800);
        Assert.Equal(Enumerable.Range(1, packed.Count), packed.Select(p => p.Number));
        Assert.Equal(hits.Take(packed.Count).Select(h => h.Chunk.Id), packed.Select(p => p.Hit.Chunk.Id));
        var trimmed = Assert.Single(packed, p => p.Trimmed);
        Assert.Same(packed[^1], trimmed);
        Assert.EndsWith("log book. …", trimmed.Text, StringComparison.Ordinal);
        Assert.StartsWith(trimmed.Text[..^2], trimmed.Hit.Chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_EverythingFits_AllWholeWithHeaders()
    {
        var hits = new[] { Sources.Hit("a", "Short text.", clause: "4.2", page: 3), Sources.Hit("b", "Another.") };

        var packed = SourcePacker.Pack(hits, 10_000, Counter);

        Assert.Equal(2, packed.Count);
        Assert.DoesNotContain(packed, p => p.Trimmed);
        Assert.Equal("[1] Air compressor maintenance — 4 Maintenance — p. 3\nShort text.", packed[0].Block);
    }

    [Fact]
    public void Pack_NoRoom_NoSources()
    {
        Assert.Empty(SourcePacker.Pack([Long("a", 5)], tokenBudget: 10, Counter));
    }
}
