using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Fusion;

namespace IndustryCopilot.Core.Tests.Retrieval.Fusion;

public sealed class ReciprocalRankFusionTests
{
    private static List<ChunkScore> Ranking(params long[] rows) => rows.Select(r => new ChunkScore(r, 0)).ToList();

    [Fact]
    public void Fuse_ChunkInTwoLanes_BeatsChunkFirstInOne()
    {
        var lanes = new Dictionary<SearchLane, IReadOnlyList<ChunkScore>>
        {
            [SearchLane.Lexical] = Ranking(1, 2),
            [SearchLane.Dense] = Ranking(3, 2),
        };

        var fused = ReciprocalRankFusion.Fuse(lanes, _ => 1.0, 60);

        Assert.Equal(2, fused[0].RowId);
        Assert.Equal((1.0 / 62) + (1.0 / 62), fused[0].Score, 10);
    }

    [Fact]
    public void Fuse_HeavierIdentifierLane_ItsFirstHitWinsOverTwoLaneAgreement()
    {
        var lanes = new Dictionary<SearchLane, IReadOnlyList<ChunkScore>>
        {
            [SearchLane.Lexical] = Ranking(1, 2),
            [SearchLane.Dense] = Ranking(1, 3),
            [SearchLane.Identifier] = Ranking(2),
        };

        var fused = ReciprocalRankFusion.Fuse(lanes, l => l == SearchLane.Identifier ? 3.0 : 1.0, 60);

        Assert.Equal([2L, 1L, 3L], fused.Select(f => f.RowId));
    }

    [Fact]
    public void Fuse_EqualScores_KeepFirstAppearanceOrder()
    {
        var fused = ReciprocalRankFusion.Fuse([Ranking(7), Ranking(5)], 60);

        Assert.Equal([7L, 5L], fused.Select(f => f.RowId));
    }
}
