using IndustryCopilot.Core.Answering.Verification;

namespace IndustryCopilot.Core.Tests.Answering.Verification;

public sealed class NumberClaimsTests
{
    [Theory]
    [InlineData("Torque to 82 N·m and check 0.05 mm.", new[] { "82 N·m", "0.05 mm" })]
    [InlineData("1. Wait 5 min before opening.", new[] { "5 min" })]
    [InlineData("压力不得超过 1.6 MPa，温度 80℃。", new[] { "1.6 MPa", "80℃" })]
    [InlineData("Set 20-25 °C.", new[] { "20-25 °C" })]
    [InlineData("No numbers here.", new string[0])]
    public void In_Sentence_NumbersWithUnits(string sentence, string[] expected) =>
        Assert.Equal(expected, NumberClaims.In(sentence));

    [Theory]
    [InlineData("82 N·m", "| M12 | 82 N・m |", true)]
    [InlineData("82 N·m", "| M12 | 82 Nm |", false)]
    [InlineData("1.6 MPa", "限值为１．６ＭＰａ", true)]
    [InlineData("16", "M16 bolts", true)]
    [InlineData("16", "160 bolts", false)]
    [InlineData("1.6", "11.6 bar", false)]
    public void StatedIn_Source_MatchesWholeNormalisedNumbers(string claim, string source, bool expected) =>
        Assert.Equal(expected, NumberClaims.StatedIn(claim, NumberClaims.Normalize(source)));
}
