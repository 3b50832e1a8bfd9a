using IndustryCopilot.Evaluation.Metrics;

namespace IndustryCopilot.Evaluation.Tests.Metrics;

public sealed class CharacterAccuracyTests
{
    [Fact]
    public void Of_OneWrongCharacterInTen_NinetyPercent()
    {
        Assert.Equal(0.9, CharacterAccuracy.Of("0123456789", "0123456780"), 6);
    }

    [Fact]
    public void Of_WhitespaceDifferencesOnly_Perfect()
    {
        Assert.Equal(1.0, CharacterAccuracy.Of("The  Linn\nSequencer", "The Linn Sequencer"));
    }
}
