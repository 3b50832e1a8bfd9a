using IndustryCopilot.Evaluation.Baseline;

namespace IndustryCopilot.Evaluation.Tests.Baseline;

public sealed class LuceneBaselineTests
{
    [Fact]
    public void Search_ChineseQuestion_SmartCnAndBigramFieldsFindArticle()
    {
        using var baseline = new LuceneBaseline([
            (1L, "安全生产法", "第二十一条 生产经营单位的主要负责人对本单位安全生产工作负有职责。"),
            (2L, "消防法", "第二十一条 禁止在具有火灾、爆炸危险的场所吸烟、使用明火。"),
        ]);

        Assert.Equal(2L, baseline.Search("哪些场所禁止吸烟？", "zh", 5)[0].RowId);
    }

    [Fact]
    public void Search_EnglishQuestion_StemmedMatch()
    {
        using var baseline = new LuceneBaseline([
            (1L, "OSHA 3120", "Employers must train employees in lockout procedures."),
            (2L, "USDA", "Ethanol prices in Iowa."),
        ]);

        var hits = baseline.Search("What training do employees need?", "en", 5);

        Assert.Equal(1L, hits[0].RowId);
        Assert.DoesNotContain(hits, h => h.RowId == 2L);
    }
}
