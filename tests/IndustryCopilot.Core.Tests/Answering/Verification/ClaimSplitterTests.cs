using IndustryCopilot.Core.Answering.Verification;

namespace IndustryCopilot.Core.Tests.Answering.Verification;

public sealed class ClaimSplitterTests
{
    [Theory]
    [InlineData("电机并联运行时电流为 40 A，转速为 1500 rpm", new[] { "电机并联运行时电流为 40 A", "转速为 1500 rpm" })] // 并 inside a word is no joint
    [InlineData("Change the oil every 2000 h and the filter every 500 h.", new[] { "Change the oil every 2000 h", "the filter every 500 h." })]
    [InlineData("For M12, grade 8.8, the torque is 82 N·m.", new[] { "For M12, grade 8.8, the torque is 82 N·m." })] // qualifiers stay with their value, words kept as written
    [InlineData("The sources do not mention the belt, but the oil is changed every 4,000 hours.", new[] { "the oil is changed every 4,000 hours." })]
    public void Split_Sentence_ClaimsInTheirOwnWords(string sentence, string[] claims) =>
        Assert.Equal(claims, ClaimSplitter.Split(sentence));
}
