using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Answering.Verification;

public sealed class GeneratedAnswerVerifierTests
{
    private static readonly IReadOnlyList<PromptSource> Compressor = Sources.Numbered(
        Sources.Hit("oil", "Change the compressor oil every 2000 operating hours. Use ISO VG 46 oil only.", clause: "4.2", page: 12),
        Sources.Hit("filter", "Replace the intake filter every 500 hours or when the differential pressure exceeds 0.5 bar.", clause: "4.3", page: 13),
        Sources.Hit("torque", "| Size | Torque (N·m) |\n| --- | --- |\n| M10 | 49 |\n| M12 | 82 |", section: "Table 3", kind: ChunkKind.Table));

    [Fact]
    public void Verify_SupportedSentences_KeptRenumberedByFirstUseWithVerbatimQuotes()
    {
        var verified = GeneratedAnswerVerifier.Verify("Replace the intake filter every 500 hours [2]. Change the oil every 2000 operating hours [1].", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.Equal("Replace the intake filter every 500 hours. [1] Change the oil every 2000 operating hours. [2]", verified.Text);
        Assert.Equal(["filter", "oil"], verified.Citations.Select(c => c.DocumentId));
        Assert.Equal([1, 2], verified.Citations.Select(c => c.Number));
        Assert.Equal("Replace the intake filter every 500 hours or when the differential pressure exceeds 0.5 bar.", verified.Citations[0].Quote);
        Assert.Equal("Change the compressor oil every 2000 operating hours.", verified.Citations[1].Quote);
        Assert.True(verified.Report.Clean);
        Assert.Equal(2, verified.Report.SentencesKept);
    }

    [Fact]
    public void Verify_MarkerToMissingSource_DroppedAndSentenceWithoutOtherCitationRemoved()
    {
        var verified = GeneratedAnswerVerifier.Verify("Use ISO VG 46 oil only [1][7]. Grease the bearings monthly [9].", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.Equal([7, 9], verified.Report.DroppedMarkers);
        Assert.Equal("Use ISO VG 46 oil only. [1]", verified.Text);
        var removed = Assert.Single(verified.Report.Unsupported);
        Assert.Equal("Grease the bearings monthly.", removed.Text);
        Assert.Equal(UnsupportedReason.NoCitation, removed.Reason);
        Assert.True(removed.Removed);
    }

    [Fact]
    public void Verify_NumberNotInCitedSource_SentenceRemovedWithTheNumberNamed()
    {
        var verified = GeneratedAnswerVerifier.Verify("Change the oil every 2000 operating hours [1]. Replace the filter every 800 hours [2].", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        var removed = Assert.Single(verified.Report.Unsupported);
        Assert.Equal(UnsupportedReason.NumberNotInSources, removed.Reason);
        Assert.Contains("800", removed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("800", verified.Text, StringComparison.Ordinal);
        Assert.Single(verified.Citations);
    }

    [Fact]
    public void Verify_NumberInAnotherSourceThanTheCitedOne_Unsupported()
    {
        // 500 is in source 2, but the sentence cites source 1.
        var verified = GeneratedAnswerVerifier.Verify("Change the oil every 500 hours [1].", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.False(verified.HasSupportedClaims);
        Assert.Equal(UnsupportedReason.NumberNotInSources, Assert.Single(verified.Report.Unsupported).Reason);
    }

    [Fact]
    public void Verify_UnitMustMatchAfterNormalising_FullWidthAndSpacingAccepted()
    {
        var ok = GeneratedAnswerVerifier.Verify("M12 的拧紧力矩为 ８２ N・m。[3]", Compressor, UnsupportedSentenceHandling.Remove, chinese: true);
        var wrongUnit = GeneratedAnswerVerifier.Verify("The differential pressure limit is 0.5 MPa [2].", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.True(ok.Report.Clean, string.Join("; ", ok.Report.Unsupported.Select(u => u.Detail)));
        Assert.Equal("M12 的拧紧力矩为 ８２ N・m。[1]", ok.Text);
        Assert.Equal("| M12 | 82 |", ok.Citations[0].Quote);
        Assert.Equal((2, 2), ok.Citations[0].TableRows);
        Assert.False(wrongUnit.HasSupportedClaims);
    }

    [Fact]
    public void Verify_PartOfALongerNumber_DoesNotCount()
    {
        // "200" must not be found inside "2000".
        var verified = GeneratedAnswerVerifier.Verify("Change the oil every 200 operating hours [1].", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.False(verified.HasSupportedClaims);
    }

    [Fact]
    public void Verify_FlagMode_KeepsUnsupportedSentenceMarkedAndWithoutCitation()
    {
        var verified = GeneratedAnswerVerifier.Verify("Change the oil every 2000 operating hours [1]. Check the belt tension weekly.", Compressor, UnsupportedSentenceHandling.Flag, chinese: false);

        Assert.Contains("Check the belt tension weekly. (not verified against the sources)", verified.Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(verified.Report.Unsupported).Removed);
        Assert.Single(verified.Citations);
    }

    [Fact]
    public void Verify_ModelSaysSourcesDoNotAnswer_NoSupportedClaims()
    {
        var en = GeneratedAnswerVerifier.Verify("The sources do not answer this question.", Compressor, UnsupportedSentenceHandling.Remove, chinese: false);
        var zh = GeneratedAnswerVerifier.Verify("来源中未找到该问题的依据。", Compressor, UnsupportedSentenceHandling.Remove, chinese: true);

        Assert.False(en.HasSupportedClaims);
        Assert.False(zh.HasSupportedClaims);
        Assert.Empty(en.Report.Unsupported);
    }

    [Fact]
    public void Verify_LeadInAndNumberedSteps_StepsCheckedLeadInExempt()
    {
        var text = "The procedure is:\n1. Change the compressor oil every 2000 operating hours [1].\n2. Replace the intake filter every 500 hours [2].";

        var verified = GeneratedAnswerVerifier.Verify(text, Compressor, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.True(verified.Report.Clean);
        Assert.Equal("The procedure is:\n1. Change the compressor oil every 2000 operating hours. [1]\n2. Replace the intake filter every 500 hours. [2]", verified.Text);
    }

    [Fact]
    public void Verify_ChineseSentencesWithMarkersAfterFullStop_Parsed()
    {
        var sources = Sources.Numbered(Sources.Hit("law", "第二十一条 生产经营单位的主要负责人对本单位安全生产工作负有下列职责：（一）建立健全并落实本单位全员安全生产责任制。", title: "安全生产法"));

        var verified = GeneratedAnswerVerifier.Verify("主要负责人应建立健全全员安全生产责任制。[1]这是法定职责。", sources, UnsupportedSentenceHandling.Remove, chinese: true);

        Assert.Equal("主要负责人应建立健全全员安全生产责任制。[1]", verified.Text);
        Assert.Equal("这是法定职责。", Assert.Single(verified.Report.Unsupported).Text);
    }
}
