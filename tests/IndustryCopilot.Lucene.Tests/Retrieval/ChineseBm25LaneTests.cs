using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Lucene.Retrieval;

namespace IndustryCopilot.Lucene.Tests.Retrieval;

public sealed class ChineseBm25LaneTests
{
    private static RetrievalIndex Laws()
    {
        var fixture = new RetrievalIndex(dense: false);
        fixture.Add("aqf", "中华人民共和国安全生产法", DocumentLanguage.Zh,
            ("第二十四条", "第二十四条", "第二十四条 矿山、金属冶炼、建筑施工、运输单位和危险物品的生产、经营、储存、装卸单位，应当设置安全生产管理机构或者配备专职安全生产管理人员。"),
            ("第二十八条", "第二十八条", "第二十八条 生产经营单位应当对从业人员进行安全生产教育和培训，保证从业人员具备必要的安全生产知识。"),
            ("第四十二条", "第四十二条", "第四十二条 生产、经营、储存、使用危险物品的车间、商店、仓库不得与员工宿舍在同一座建筑物内，并应当与员工宿舍保持安全距离。"));
        fixture.Add("xff", "中华人民共和国消防法", DocumentLanguage.Zh,
            ("第十九条", "第十九条", "第十九条 生产、储存、经营易燃易爆危险品的场所不得与居住场所设置在同一建筑物内，并应当与居住场所保持安全距离。"));
        return fixture;
    }

    private static AnalyzedQuery Query(string text) => new(text, DocumentLanguage.Zh);

    private static string ChunkOf(RetrievalIndex fixture, long row) => fixture.Index.GetChunksByRowId([row]).Single().Chunk.Id;

    [Fact]
    public void Search_ScenarioQuestionInOtherWords_ArticlesThatAnswerFirst()
    {
        using var fixture = Laws();
        using var lane = new ChineseBm25Lane(fixture.Index);

        var hits = lane.Search(Query("危化品仓库里能不能隔出房间给员工住宿？"), new HashSet<string> { "aqf", "xff" }, 10);

        Assert.Contains(ChunkOf(fixture, hits[0].RowId), new[] { "aqf#2", "xff#0" });
        Assert.True(hits[0].Score >= hits[^1].Score);
    }

    [Fact]
    public void Search_AllowedDocumentsOnly_BestOfThoseEvenWhenOthersScoreHigher()
    {
        using var fixture = Laws();
        using var lane = new ChineseBm25Lane(fixture.Index);

        var hits = lane.Search(Query("危险物品仓库与员工宿舍在同一座建筑物内"), new HashSet<string> { "xff" }, 10);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("xff#", ChunkOf(fixture, h.RowId), StringComparison.Ordinal));
        Assert.Empty(lane.Search(Query("危险物品仓库"), new HashSet<string>(), 10));
    }

    [Fact]
    public void Search_DocumentIndexedAfterTheFirstSearch_FoundByTheSameLane()
    {
        using var fixture = Laws();
        using var lane = new ChineseBm25Lane(fixture.Index);
        lane.Search(Query("特种设备定期检验"), new HashSet<string> { "aqf", "xff" }, 10); // builds the lane's index before the document exists

        fixture.Add("tzsb", "中华人民共和国特种设备安全法", DocumentLanguage.Zh, ("第四十条", "第四十条", "第四十条 特种设备使用单位应当按照安全技术规范的要求，在检验合格有效期届满前一个月向特种设备检验机构提出定期检验要求。"));
        var hits = lane.Search(Query("特种设备定期检验什么时候提出"), new HashSet<string> { "aqf", "xff", "tzsb" }, 10);

        Assert.Equal("tzsb#0", ChunkOf(fixture, hits[0].RowId));
    }

    [Fact]
    public void Search_CatalogChanges_OnlyTheDocumentsThatChangedAreReadAgain()
    {
        using var fixture = Laws();
        using var lane = new ChineseBm25Lane(fixture.Index);
        HashSet<string> all = ["aqf", "xff", "tzsb"];
        lane.Search(Query("员工宿舍"), all, 10);
        Assert.Equal(2, lane.LastSyncDocuments);

        // A new document: read alone.
        fixture.Add("tzsb", "中华人民共和国特种设备安全法", DocumentLanguage.Zh, ("第四十条", "第四十条", "第四十条 特种设备使用单位应当在检验合格有效期届满前一个月提出定期检验要求。"));
        Assert.Equal("tzsb#0", ChunkOf(fixture, lane.Search(Query("定期检验要求"), all, 10)[0].RowId));
        Assert.Equal(1, lane.LastSyncDocuments);

        // A changed document: its old text is gone, its new text found, the others untouched.
        fixture.Add("xff", "中华人民共和国消防法", DocumentLanguage.Zh, ("第二十一条", "第二十一条", "第二十一条 禁止在具有火灾、爆炸危险的场所吸烟、使用明火。"));
        var smoking = lane.Search(Query("爆炸危险场所吸烟"), all, 10);
        Assert.Equal((1, 1), (lane.LastSyncDocuments, lane.LastSyncRemoved));
        Assert.Equal("xff#0", ChunkOf(fixture, smoking[0].RowId));
        Assert.Empty(lane.Search(Query("易燃易爆居住"), all, 10));

        // A removed document: nothing of it is found, nothing else is read.
        fixture.Index.RemoveDocument("tzsb");
        Assert.Empty(lane.Search(Query("定期检验要求"), all, 10));
        Assert.Equal((0, 1), (lane.LastSyncDocuments, lane.LastSyncRemoved));
    }

    [Fact]
    public void Search_DocumentRetitled_FoundByItsNewTitle()
    {
        using var fixture = Laws();
        using var lane = new ChineseBm25Lane(fixture.Index);
        lane.Search(Query("员工宿舍"), new HashSet<string> { "aqf", "xff" }, 10);

        // Same chunks, new title (a sidecar named it): the title is part of what the lane indexes.
        fixture.Add("xff", "厂区防火管理规定", DocumentLanguage.Zh, ("第十九条", "第十九条", "第十九条 生产、储存、经营易燃易爆危险品的场所不得与居住场所设置在同一建筑物内，并应当与居住场所保持安全距离。"));
        var hits = lane.Search(Query("防火管理规定"), new HashSet<string> { "aqf", "xff" }, 10);

        Assert.Equal(1, lane.LastSyncDocuments);
        Assert.Equal("xff#0", ChunkOf(fixture, hits[0].RowId));
    }

    [Fact]
    public async Task Retriever_ChineseQuestion_LaneFusedEnglishOrWithoutRankingFlagNot()
    {
        using var fixture = Laws();
        fixture.Add("ac37", "AC-37 compressor manual", DocumentLanguage.En, ("4.2 Oil", "4.2", "Change the compressor oil every 2000 operating hours."));
        using var lane = new ChineseBm25Lane(fixture.Index);
        var retriever = new HybridRetriever(fixture.Index, new RetrievalOptions(), Glossary.Empty, rankings: [lane]);

        var chinese = (await retriever.SearchAsync(new SearchRequest("员工宿舍能不能和仓库在一栋楼")));
        var english = (await retriever.SearchAsync(new SearchRequest("How often is the compressor oil changed?")));
        var without = (await retriever.SearchAsync(new SearchRequest("员工宿舍能不能和仓库在一栋楼") { Lanes = SearchLanes.Lexical | SearchLanes.Identifier }));

        Assert.Contains(SearchLane.ChineseBm25, chinese.LanesRun);
        Assert.Contains(chinese.Hits, h => h.Lanes.ContainsKey(SearchLane.ChineseBm25));
        Assert.DoesNotContain(SearchLane.ChineseBm25, english.LanesRun);
        Assert.DoesNotContain(SearchLane.ChineseBm25, without.LanesRun);
    }

    [Fact]
    public async Task Retriever_LaneWeightZero_NotRun()
    {
        using var fixture = Laws();
        using var lane = new ChineseBm25Lane(fixture.Index);
        var retriever = new HybridRetriever(fixture.Index, new RetrievalOptions { ChineseBm25Weight = 0 }, Glossary.Empty, rankings: [lane]);

        Assert.DoesNotContain(SearchLane.ChineseBm25, (await retriever.SearchAsync(new SearchRequest("员工宿舍能不能和仓库在一栋楼"))).LanesRun);
    }

    [Fact]
    public void Search_EqualScoresInDocumentsAddedInAnotherOrder_RankedAlike()
    {
        // Replicas of a group receive the catalog's documents in their own order; identical passages must still rank alike.
        string[] order = ["lockout-a", "lockout-b", "lockout-c", "lockout-d"];
        List<string> Ranked(IEnumerable<string> ids)
        {
            using var fixture = new RetrievalIndex(dense: false);
            using var lane = new ChineseBm25Lane(fixture.Index);
            foreach (var id in ids)
            {
                // A search after each one: the lane takes each document as it comes, as a running server does.
                fixture.Add(id, "能量隔离 " + id, DocumentLanguage.Zh, ("1", "1", "检修前必须切断电源并上锁挂牌，确认无残余能量。"), ("2", "2", "解锁前清点人员。"));
                lane.Search(Query("上锁挂牌"), order.ToHashSet(), 3);
            }

            return [.. lane.Search(Query("检修前上锁挂牌"), order.ToHashSet(), 3).Select(h => $"{ChunkOf(fixture, h.RowId)} {h.Score}")];
        }

        var forward = Ranked(order);

        Assert.Equal(forward, Ranked(order.Reverse()));
        Assert.Equal(3, forward.Count);
    }
}
