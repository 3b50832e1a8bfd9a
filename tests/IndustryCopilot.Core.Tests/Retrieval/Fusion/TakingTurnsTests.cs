using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Fusion;

namespace IndustryCopilot.Core.Tests.Retrieval.Fusion;

public sealed class TakingTurnsTests
{
    private static List<ChunkScore> Ranking(params long[] rows) => rows.Select((r, i) => new ChunkScore(r, 100 - i)).ToList();

    [Fact]
    public void Merge_TwoRankings_FirstOfEachThenSecondOfEach()
    {
        var merged = TakingTurns.Merge([Ranking(1, 2, 3), Ranking(7, 8)], 10);

        Assert.Equal([1L, 7, 2, 8, 3], merged.Select(m => m.RowId));
        Assert.True(merged.Zip(merged.Skip(1)).All(p => p.First.Score > p.Second.Score));
    }

    [Fact]
    public void Merge_ChunkInBothRankings_OnceAtItsFirstTurn()
    {
        var merged = TakingTurns.Merge([Ranking(1, 5), Ranking(5, 6)], 10);

        Assert.Equal([1L, 5, 6], merged.Select(m => m.RowId));
    }

    [Fact]
    public void Merge_MoreThanK_StopsAtK()
    {
        var merged = TakingTurns.Merge([Ranking(1, 2, 3), Ranking(4, 5, 6), Ranking(7, 8, 9)], 4);

        Assert.Equal([1L, 4, 7, 2], merged.Select(m => m.RowId));
    }
}
