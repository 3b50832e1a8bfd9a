using IndustryCopilot.Core.Answering.Generation;

namespace IndustryCopilot.Core.Tests.Answering.Generation;

public sealed class SafetyTopicsTests
{
    [Theory]
    [InlineData("What is the lockout/tagout procedure for press 3?", true)]
    [InlineData("进入有限空间作业前要检测什么？", true)]
    [InlineData("How do I isolate the 400 V supply?", true)]
    [InlineData("危险化学品仓库的储存要求", true)]
    [InlineData("How often should the compressor oil be changed?", false)]
    [InlineData("M12 螺栓的拧紧力矩是多少？", false)]
    public void IsSafetyCritical_Question_Classified(string question, bool expected) =>
        Assert.Equal(expected, SafetyTopics.IsSafetyCritical(question));
}
