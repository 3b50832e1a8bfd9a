using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Tests.Retrieval.Query;

public sealed class QuestionPartsTests
{
    [Fact]
    public void Split_TwoQuestionsInOne_BothParts()
    {
        var parts = QuestionParts.Split("工伤一级伤残的一次性伤残补助金是多少？计算用的\"本人工资\"又怎么确定？");

        Assert.Equal(["工伤一级伤残的一次性伤残补助金是多少？", "计算用的\"本人工资\"又怎么确定？"], parts);
    }

    [Fact]
    public void Split_EnglishTwoQuestions_BothParts()
    {
        var parts = QuestionParts.Split("How long may a permit stay open? Who signs the cancelled permit?");

        Assert.Equal(2, parts.Count);
        Assert.Equal("Who signs the cancelled permit?", parts[1]);
    }

    [Theory]
    [InlineData("安全生产许可证有效期是几年？")]
    [InlineData("An outside contractor is servicing our press. Whose lockout procedure governs the job?")]
    [InlineData("车间清洗时工人中毒。用人单位应当立即做哪些事？")]
    public void Split_OneQuestionWithBackground_NoParts(string question) => Assert.Empty(QuestionParts.Split(question));

    [Fact]
    public void Split_SecondPartTooShortToSearch_NoParts()
    {
        // "谁出？" alone has one content term: searched on its own it would rank passages at random.
        Assert.Empty(QuestionParts.Split("中毒工人的诊疗费用由谁承担？谁出？"));
    }

    [Fact]
    public void Split_ManyQuestions_FirstFourOnly()
    {
        var parts = QuestionParts.Split("叉车多久检验一次？电梯多久检验一次？锅炉多久检验一次？起重机多久检验一次？压力容器多久检验一次？");

        Assert.Equal(QuestionParts.MaxParts, parts.Count);
        Assert.StartsWith("起重机", parts[^1], StringComparison.Ordinal);
    }
}
