using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Lanes;

namespace IndustryCopilot.Core.Tests.Retrieval.Lanes;

public sealed class PenaltyHeadsTests
{
    private static (string, string) Chunk(string document, string section) => (document, section);

    [Fact]
    public void Of_DocumentsInRankingOrder_BestPenaltyArticleOfEach()
    {
        // The building law leads the ranking (by an obligation), the safety law follows; each has two penalty articles.
        var chunks = new Dictionary<long, (string DocumentId, string SectionPath)>
        {
            [1] = Chunk("building", "第三章 发包与承包 > 第二十四条"),
            [2] = Chunk("safety", "第二章 保障 > 第四十九条"),
            [3] = Chunk("safety", "第六章 法律责任 > 第一百零三条"),
            [4] = Chunk("building", "第七章 法律责任 > 第六十五条"),
            [5] = Chunk("building", "第七章 法律责任 > 第六十六条"),
            [6] = Chunk("safety", "第六章 法律责任 > 第一百零六条"),
            [7] = Chunk("fire", "第六章 法律责任 > 第六十条"),
        };
        var ranking = Enumerable.Range(1, 7).Select(i => new ChunkScore(i, 10 - i)).ToList();

        var heads = PenaltyHeads.Of(ranking, chunks, 2);

        Assert.Equal([4L, 3], heads.Select(h => h.RowId));
        Assert.Equal([4L, 3, 7], PenaltyHeads.Of(ranking, chunks, 5).Select(h => h.RowId));
    }

    [Fact]
    public void Of_NoPenaltySection_Empty()
    {
        var chunks = new Dictionary<long, (string DocumentId, string SectionPath)> { [1] = Chunk("sop", "5 Faults > 5.3.2") };

        Assert.Empty(PenaltyHeads.Of([new ChunkScore(1, 1)], chunks, 3));
    }
}
