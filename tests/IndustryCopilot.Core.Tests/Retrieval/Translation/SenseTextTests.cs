using IndustryCopilot.Core.Retrieval.Translation;

namespace IndustryCopilot.Core.Tests.Retrieval.Translation;

public sealed class SenseTextTests
{
    [Theory]
    [InlineData("to change (clothes etc)", "change")]
    [InlineData("space; room", "space|room")]
    [InlineData("variant of 雇主[gu4 zhu3]", "")]
    [InlineData("surname Zhou", "")]
    [InlineData("CL:個|个[ge4]", "")]
    [InlineData("the emergency number for law enforcement in Mainland China and Taiwan", "")]
    [InlineData("lit. to hang up a plate", "hang up a plate")]
    public void Phrases_CedictSense_UsablePhrasesOnly(string sense, string expected)
    {
        Assert.Equal(expected, string.Join('|', SenseText.Phrases(sense)));
    }

    [Fact]
    public void Key_InflectedAndStopWords_StemsOfContentWords()
    {
        Assert.Equal(SenseText.Key("operating hours"), SenseText.Key("the operating hour"));
        Assert.Equal("lockout tagout", SenseText.Key("lockout/tagout"));
    }
}
