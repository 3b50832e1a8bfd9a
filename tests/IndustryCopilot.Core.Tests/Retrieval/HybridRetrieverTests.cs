using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval;

public sealed class HybridRetrieverTests
{
    private static RetrievalIndex Laws(Glossary? glossary = null)
    {
        var fixture = new RetrievalIndex(glossary);
        fixture.Add("safety", "中华人民共和国安全生产法", DocumentLanguage.Zh,
            ("第三章 从业人员的安全生产权利义务 > 第二十条", "第二十条", "第二十条 生产经营单位应当具备本法规定的安全生产条件。"),
            ("第三章 从业人员的安全生产权利义务 > 第二十一条", "第二十一条", "第二十一条 生产经营单位的主要负责人对本单位安全生产工作负有建立健全全员安全生产责任制的职责。"),
            ("第三章 从业人员的安全生产权利义务 > 第二十二条", "第二十二条", "第二十二条 全员安全生产责任制应当明确各岗位的责任人员、责任范围和考核标准。"));
        fixture.Add("fire", "中华人民共和国消防法", DocumentLanguage.Zh,
            ("第二章 火灾预防 > 第二十一条", "第二十一条", "第二十一条 禁止在具有火灾、爆炸危险的场所吸烟、使用明火。安全生产责任人员应当加强管理。"),
            ("第二章 火灾预防 > 第十六条", "第十六条", "第十六条 机关、团体、企业、事业等单位应当落实消防安全责任制。"));
        fixture.Add("cnc", "SOP-PR-017 CNC tool change", DocumentLanguage.En,
            ("5 Faults > 5.3.2", "5.3.2", "Alarm E-203: tool clamp pressure low. Stop the spindle and check the hydraulic unit."),
            ("5 Faults > 5.3.3", "5.3.3", "Alarm E-230: coolant level low. Refill the coolant tank."),
            ("3 Safety", null, "Apply a padlock to the main isolator before any work on the machinery."));
        return fixture;
    }

    [Fact]
    public void Search_LawAndArticleNamed_ThatArticleRanksFirst()
    {
        using var laws = Laws();

        var response = laws.Search("安全生产法第二十一条");

        Assert.Equal("safety#1", response.Hits[0].Chunk.Id);
        Assert.Contains(SearchLane.Identifier, response.LanesRun);
        Assert.Equal(1, response.Hits[0].Lanes[SearchLane.Identifier].Rank);
    }

    [Fact]
    public void Search_ArticleInArabicNumeralsAndBookTitleMarks_SameArticleFirst()
    {
        using var laws = Laws();

        Assert.Equal("fire#0", laws.Search("《消防法》第21条").Hits[0].Chunk.Id);
    }

    [Fact]
    public void Search_FaultCode_ChunkHoldingExactlyThatCodeFirst()
    {
        using var laws = Laws();

        var hits = laws.Search("what to do on alarm E203?").Hits;

        Assert.Equal("cnc#0", hits[0].Chunk.Id);
        Assert.DoesNotContain(hits.Take(1), h => h.Chunk.Text.Contains("E-230", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_DocumentFilter_AppliedInsideTheQueryNotToATopK()
    {
        using var laws = Laws();

        var hits = laws.Search("安全生产 责任", k: 3, filter: new SearchFilter { DocumentIds = ["fire"] }).Hits;

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal("fire", h.Document.Id));
    }

    [Fact]
    public void Search_AccessGroups_DocumentsOfOtherGroupsInvisibleToEveryLane()
    {
        using var fixture = new RetrievalIndex();
        fixture.Add(new DocumentInfo { Id = "secret", SourcePath = "/plant/secret", ContentHash = "s", Format = "markdown", SizeBytes = 1, Title = "Recipe", Language = DocumentLanguage.En, AccessGroups = ["process-eng"] },
            ("Recipe", null, "Mixing ratio for compound X-77 is confidential."));
        fixture.Add("open", "Handbook", DocumentLanguage.En, ("Intro", null, "General handbook for compound handling."));

        Assert.Contains(fixture.Search("compound X-77 mixing ratio", filter: new SearchFilter { AccessGroups = ["process-eng"] }).Hits, h => h.Document.Id == "secret");
        Assert.DoesNotContain(fixture.Search("compound X-77 mixing ratio", filter: new SearchFilter { AccessGroups = ["public"] }).Hits, h => h.Document.Id == "secret");
        Assert.Empty(fixture.Search("compound", filter: new SearchFilter { AccessGroups = [] }).Hits);
    }

    [Fact]
    public void Search_ChineseQueryWithEnglishOnlyModel_DenseLaneSitsOut()
    {
        using var laws = Laws();

        var zh = laws.Search("主要负责人的职责");
        var en = laws.Search("padlock on the isolator");

        Assert.DoesNotContain(SearchLane.Dense, zh.LanesRun);
        Assert.Contains(SearchLane.Dense, en.LanesRun);
    }

    [Fact]
    public void Search_DenseOnly_FindsSynonymTheLexicalLaneMisses()
    {
        using var laws = Laws();

        var lexical = laws.Search("locks machines", lanes: SearchLanes.Lexical).Hits;
        var dense = laws.Search("locks machines", lanes: SearchLanes.Dense).Hits;

        Assert.DoesNotContain(lexical, h => h.Chunk.Id == "cnc#2");
        Assert.Equal("cnc#2", dense[0].Chunk.Id);
    }

    [Fact]
    public void Search_GlossarySynonym_FindsPassageUsingTheOtherTerm()
    {
        using var fixture = new RetrievalIndex(new Glossary([["叉车", "场（厂）内专用机动车辆", "forklift"]]));
        fixture.Add("reg", "特种设备目录", DocumentLanguage.Zh, ("说明", null, "场（厂）内专用机动车辆应当定期检验。"), ("其他", null, "电梯应当定期检验。"));

        var response = fixture.Search("叉车多久检验一次");

        Assert.Equal("reg#0", response.Hits[0].Chunk.Id);
        Assert.Contains(response.Query.Expansions, e => e.Phrase == "叉车");
    }

    [Fact]
    public void Search_SupersededRevision_OnlyWhenAsked()
    {
        using var fixture = new RetrievalIndex();
        fixture.Add(new DocumentInfo { Id = "old", SourcePath = "/p/old", ContentHash = "o", Format = "markdown", SizeBytes = 1, Title = "SOP rev B", DocumentNumber = "SOP-1", Revision = "B", EffectiveDate = new DateOnly(2020, 1, 1), Language = DocumentLanguage.En, AccessGroups = ["public"] },
            ("Cooling", null, "Cool the spindle for 20 minutes."));
        fixture.Add(new DocumentInfo { Id = "new", SourcePath = "/p/new", ContentHash = "n", Format = "markdown", SizeBytes = 1, Title = "SOP rev C", DocumentNumber = "SOP-1", Revision = "C", EffectiveDate = new DateOnly(2024, 1, 1), Language = DocumentLanguage.En, AccessGroups = ["public"] },
            ("Cooling", null, "Cool the spindle for 30 minutes."));

        Assert.All(fixture.Search("spindle cooling minutes").Hits, h => Assert.Equal("new", h.Document.Id));
        Assert.Contains(fixture.Search("spindle cooling minutes", filter: new SearchFilter { IncludeSuperseded = true }).Hits, h => h.Document.Id == "old");
    }

    [Fact]
    public void Search_IndexChangesAfterFirstSearch_NewChunksFoundWithoutNewRetriever()
    {
        using var fixture = new RetrievalIndex();
        fixture.Add("a", "Pump manual", DocumentLanguage.En, ("Intro", null, "Pump P-101 overview."));
        Assert.Single(fixture.Search("pump").Hits);

        fixture.Add("b", "Valve manual", DocumentLanguage.En, ("Intro", null, "Valve V-7 on the pump outlet."));

        Assert.Equal(2, fixture.Search("pump").Hits.Count);
    }

    [Fact]
    public void Search_TwoQuestionsInOne_EachPartsBestPassageLeadsThePartsLane()
    {
        static RetrievalIndex Injuries(RetrievalOptions options)
        {
            var fixture = new RetrievalIndex(dense: false, options: options);
            AddOtherRules(fixture);
            fixture.Add("injury", "工伤保险条例", DocumentLanguage.Zh,
                ("第五章 > 第三十五条", "第三十五条", "第三十五条 一级伤残的一次性伤残补助金为27个月的本人工资，二级伤残的一次性伤残补助金为25个月的本人工资。"),
                ("第五章 > 第三十六条", "第三十六条", "第三十六条 五级伤残的一次性伤残补助金为18个月的本人工资，六级伤残的一次性伤残补助金为16个月的本人工资。"),
                ("第五章 > 第三十七条", "第三十七条", "第三十七条 七级伤残的一次性伤残补助金为13个月的本人工资，八级伤残的一次性伤残补助金为11个月的本人工资。"),
                ("第五章 > 第三十八条", "第三十八条", "第三十八条 九级伤残的一次性伤残补助金为9个月的本人工资，十级伤残的一次性伤残补助金为7个月的本人工资。"),
                ("第八章 > 第六十四条", "第六十四条", "第六十四条 本人工资，是指工伤职工受伤前12个月平均月缴费工资，按统筹地区平均工资计算。"));
            return fixture;
        }

        const string Question = "一级伤残的一次性伤残补助金是多少？本人工资怎么计算？";
        using var without = Injuries(new RetrievalOptions { PartsWeight = 0 });
        using var with = Injuries(new RetrievalOptions());

        var before = without.Search(Question, k: 10).Hits.Select(h => h.Chunk.Id).ToList();
        var after = with.Search(Question, k: 10).Hits;
        Assert.Equal(4, before.IndexOf("injury#4"));
        Assert.Equal(1, after.Single(h => h.Chunk.Id == "injury#0").Lanes[SearchLane.Parts].Rank);
        Assert.Equal(2, after.Single(h => h.Chunk.Id == "injury#4").Lanes[SearchLane.Parts].Rank);
        Assert.True(after.ToList().FindIndex(h => h.Chunk.Id == "injury#4") < 4, "the second part's passage should rise");
        Assert.DoesNotContain(SearchLane.Parts, with.Search("一级伤残的一次性伤残补助金是多少？").LanesRun);
    }

    [Fact]
    public void Search_QuestionNamesTwoDocuments_HeadOfEachInTheNamedDocumentLane()
    {
        using var fixture = new RetrievalIndex(dense: false);
        AddOtherRules(fixture);
        fixture.Add("emergency", "生产安全事故应急条例", DocumentLanguage.Zh, Enumerable.Range(1, 6)
            .Select(i => ($"第二章 应急准备 > 第{i}条", (string?)null, $"第{i}条 生产经营单位应当制定应急预案，组织应急预案演练，应急预案演练每半年至少组织一次，演练结果报告第{i}项。"))
            .ToArray());
        fixture.Add("safety", "中华人民共和国安全生产法", DocumentLanguage.Zh,
            ("第五章 > 第八十一条", "第八十一条", "第八十一条 生产经营单位应当制定本单位生产安全事故应急救援预案，并定期组织演练。"),
            ("第二章 > 第二十条", "第二十条", "第二十条 生产经营单位应当具备本法规定的安全生产条件。"));

        var hits = fixture.Search("应急预案演练，安全生产法和生产安全事故应急条例各提出了什么要求？", k: 10).Hits;

        var named = hits.Where(h => h.Lanes.ContainsKey(SearchLane.NamedDocument)).OrderBy(h => h.Lanes[SearchLane.NamedDocument].Rank).ToList();
        Assert.Contains("safety#0", named.Take(2).Select(h => h.Chunk.Id));
        Assert.Contains(named.Take(2), h => h.Chunk.DocumentId == "emergency");
    }

    [Fact]
    public void Search_QuestionAboutConsequences_PenaltyArticleInTheHead()
    {
        static RetrievalIndex Law(RetrievalOptions options)
        {
            var fixture = new RetrievalIndex(dense: false, options: options);
            AddOtherRules(fixture);
            fixture.Add("safety", "中华人民共和国安全生产法", DocumentLanguage.Zh,
                ("第二章 生产经营单位的安全生产保障 > 第四十九条", "第四十九条", "第四十九条 生产经营单位不得将罐区清洗等项目发包给不具备相应资质的施工队。"),
                ("第二章 生产经营单位的安全生产保障 > 第五十条", "第五十条", "第五十条 施工队进入罐区清洗作业前，应当核查施工队的资质和作业人员资格。"),
                ("第二章 生产经营单位的安全生产保障 > 第五十一条", "第五十一条", "第五十一条 罐区清洗作业应当安排专人监护，施工队应当遵守作业规程。"),
                ("第六章 法律责任 > 第一百零三条", "第一百零三条", "第一百零三条 生产经营单位将生产经营项目发包给不具备安全生产条件的单位的，责令限期改正，没收违法所得。"),
                ("第六章 法律责任 > 第一百零四条", "第一百零四条", "第一百零四条 生产经营单位未按规定设置安全警示标志的，责令限期改正。"));
            return fixture;
        }

        const string Question = "把罐区清洗的活包给没有资质的施工队，有什么法律风险？";
        using var without = Law(new RetrievalOptions { PenaltyWeight = 0 });
        using var with = Law(new RetrievalOptions());

        Assert.DoesNotContain(without.Search(Question, k: 3).Hits, h => h.Chunk.Id == "safety#3");
        Assert.Contains(with.Search(Question, k: 3).Hits, h => h.Chunk.Id == "safety#3");

        // A hint, not a ranking: the best penalty article of each document, not the whole chapter.
        var all = with.Search(Question, k: 20).Hits;
        Assert.Equal(["safety#3"], all.Where(h => h.Lanes.ContainsKey(SearchLane.Penalty)).Select(h => h.Chunk.Id));
        Assert.DoesNotContain(SearchLane.Penalty, with.Search("罐区清洗前应当核查什么？").LanesRun);
    }

    /// <summary>Thirty articles on other subjects, so that term weights are those of a real corpus, not of four chunks.</summary>
    private static void AddOtherRules(RetrievalIndex fixture)
    {
        string[] equipment = ["电梯", "锅炉", "压力容器", "起重机械", "客运索道", "大型游乐设施"];
        string[] duties = ["应当定期检验", "应当建立技术档案", "应当由持证人员操作", "应当办理使用登记", "应当制定应急预案"];
        var rules = equipment.SelectMany(e => duties.Select(d => $"{e}{d}，检验机构应当出具报告。")).ToArray();
        fixture.Add("other", "特种设备安全监察条例", DocumentLanguage.Zh, rules.Select((r, i) => ($"第三章 > 第{i + 1}条", (string?)null, r)).ToArray());
    }

    [Fact]
    public void SearchAsync_SameDocumentsWrittenInAnotherOrder_EqualScoresRankedAlike()
    {
        // Replicas of a group write the catalog's documents in their own order: every lane must break ties the same way.
        string[] order = ["line-1", "line-2", "line-3", "line-4", "line-5"];
        List<string> Ranked(IEnumerable<string> ids)
        {
            using var index = new RetrievalIndex();
            foreach (var id in ids)
            {
                index.Add(id, "Lockout " + id, DocumentLanguage.En, ("4 Lockout", "4", "Isolate the main switch and apply a personal lock before opening the guard."), ("5 Restart", "5", "Count the crew before removing the locks."));
            }

            return [.. index.Search("apply a lock before opening the guard", k: 4).Hits.Select(h => $"{h.Chunk.Id} {h.Score:R}")];
        }

        var forward = Ranked(order);

        Assert.Equal(forward, Ranked(order.Reverse()));
        Assert.Equal(4, forward.Count);
    }
}
