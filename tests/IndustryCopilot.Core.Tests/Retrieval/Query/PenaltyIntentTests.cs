using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Tests.Retrieval.Query;

public sealed class PenaltyIntentTests
{
    [Theory]
    [InlineData("仓库门口的消防车通道被堵死了，单位可能挨多重的罚？")]
    [InlineData("没有申报职业病危害项目，可以并处多少罚款？")]
    [InlineData("把活包给没有资质的施工队，有什么法律风险？")]
    [InlineData("负责人要承担什么后果？")]
    [InlineData("发生较大事故，对主要负责人怎么罚？")]
    [InlineData("What is the penalty for removing another worker's lock?")]
    public void Asks_QuestionAboutConsequences_True(string question) => Assert.True(PenaltyIntent.Asks(question));

    [Theory]
    [InlineData("对生产经营单位作出行政处罚决定后，监管部门须在几个工作日内公开？")]
    [InlineData("安全员发现重大隐患后应当向谁报告？")]
    [InlineData("How often must the energy control procedure be inspected?")]
    public void Asks_OtherQuestions_False(string question) => Assert.False(PenaltyIntent.Asks(question));

    [Theory]
    [InlineData("第六章 法律责任 > 第一百零三条", true)]
    [InlineData("第五章 罚则 > 第四十条", true)]
    [InlineData("7 Penalties > 7.2", true)]
    [InlineData("第二章 生产经营单位的安全生产保障 > 第四十九条", false)]
    [InlineData("5 Faults > 5.3.2", false)]
    public void Answers_SectionPath_TrueForPenaltySections(string path, bool expected) => Assert.Equal(expected, PenaltyIntent.Answers(path));
}
