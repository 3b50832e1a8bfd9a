using IndustryCopilot.Core.Answering.Verification;

namespace IndustryCopilot.Core.Tests.Answering.Verification;

public sealed class AnswerSentencesTests
{
    [Fact]
    public void Split_DecimalPointAndGroupedMarkers_OneSentenceCitingBoth()
    {
        var sentences = AnswerSentences.Split("The gap is 0.05 mm [1, 3]. Next.");

        Assert.Equal(2, sentences.Count);
        Assert.Equal("The gap is 0.05 mm.", sentences[0].Body);
        Assert.Equal([1, 3], sentences[0].Sources);
        Assert.Empty(sentences[1].Sources);
    }

    [Fact]
    public void Split_MarkerMidSentence_JoinsWordsWithOneSpace()
    {
        var sentence = Assert.Single(AnswerSentences.Split("Bolts [2] must be torqued to 82 N·m."));

        Assert.Equal("Bolts must be torqued to 82 N·m.", sentence.Body);
        Assert.Equal([2], sentence.Sources);
    }

    [Fact]
    public void Split_ChineseMarkersAfterStopAndEnumerationComma_Parsed()
    {
        var sentences = AnswerSentences.Split("应设置管理机构。[1、2]从业人员超过一百人的，应配备专职人员；[3]");

        Assert.Equal(2, sentences.Count);
        Assert.Equal([1, 2], sentences[0].Sources);
        Assert.Equal("从业人员超过一百人的，应配备专职人员；", sentences[1].Body);
        Assert.Equal([3], sentences[1].Sources);
    }
}
