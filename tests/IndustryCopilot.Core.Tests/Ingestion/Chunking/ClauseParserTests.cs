using IndustryCopilot.Core.Ingestion.Chunking;

namespace IndustryCopilot.Core.Tests.Ingestion.Chunking;

public sealed class ClauseParserTests
{
    [Theory]
    [InlineData("第二十一条 生产经营单位的主要负责人…", ClauseKind.Article, "第二十一条")]
    [InlineData("第三章 生产经营单位的安全生产保障", ClauseKind.Chapter, "第三章")]
    [InlineData("第二节 一般规定", ClauseKind.Section, "第二节")]
    [InlineData("5.3.2 The bolt torque shall be 85 N·m.", ClauseKind.Numbered, "5.3.2")]
    [InlineData("1 Scope", ClauseKind.Numbered, "1")]
    [InlineData("1 范围", ClauseKind.Numbered, "1")]
    [InlineData("A.1 Test method", ClauseKind.Annex, "A.1")]
    [InlineData("(c)(4) Energy control procedure.", ClauseKind.Regulatory, "(c)(4)")]
    [InlineData("一、总则", ClauseKind.Item, "一、")]
    [InlineData("（一）建立健全本单位安全生产责任制；", ClauseKind.Item, "（一）")]
    [InlineData("(a) Purpose.", ClauseKind.Item, "(a)")]
    [InlineData("(1) Notify affected employees.", ClauseKind.Item, "(1)")]
    [InlineData("3. Close valve V-12.", ClauseKind.Item, "3.")]
    [InlineData("步骤3 检查油位", ClauseKind.Item, "步骤3")]
    public void Parse_LabelAtStart_Recognised(string text, ClauseKind kind, string label)
    {
        var parsed = ClauseParser.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(label, parsed.Label);
    }

    [Theory]
    [InlineData("按5.3.2的规定执行。")]
    [InlineData("see 4.2 for details")]
    [InlineData("依照本法第十条的规定处罚。")]
    [InlineData("第十条规定的情形除外。")]
    [InlineData("1.6 MPa is the maximum working pressure.")]
    [InlineData("0.15 mm clearance")]
    [InlineData("85 ℃ alarm")]
    [InlineData("11.43 and 11.45, by any of the following methods:")]
    [InlineData("(h)(6) of this AD.")]
    [InlineData("3 An airplane's nose-up or nose-down attitude is known as its pitch attitude and is controlled by the tail.")]
    public void Parse_CrossReferenceOrValue_NotALabel(string text) =>
        Assert.Null(ClauseParser.Parse(text));

    [Theory]
    [InlineData("二十一", 21)]
    [InlineData("一百零五", 105)]
    [InlineData("十", 10)]
    [InlineData("一百一十九", 119)]
    [InlineData("两千", 2000)]
    [InlineData("17", 17)]
    public void ChineseNumberParse_Numerals_Value(string text, int value) =>
        Assert.Equal(value, ChineseNumber.Parse(text));
}
