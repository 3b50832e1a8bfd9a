using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Translation;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Answering.Verification;

public sealed class CrossLanguageVerificationTests
{
    private static readonly QueryTranslator Translator = new(new TranslationGlossary(Glossary.Empty, TranslationGlossary.Shipped), BilingualLexicon.Empty);

    private static readonly IReadOnlyList<PromptSource> Manual = Sources.Numbered(
        Sources.Hit("mm", "3.3 Replace the oil filter and the compressor oil every 4,000 operating hours."),
        Sources.Hit("mm2", "2.1 Before any work inside the enclosure, isolate the main power at breaker Q1 and apply lockout/tagout."));

    [Theory]
    [InlineData("空压机机油每 4000 运行小时更换一次 [1]。")]
    [InlineData("在机壳内作业前，必须断开断路器 Q1 的主电源并上锁挂牌 [2]。")]
    public void Verify_ChineseClaimEnglishSource_KeptThroughItsTranslation(string answer)
    {
        var verified = GeneratedAnswerVerifier.Verify(answer, Manual, UnsupportedSentenceHandling.Remove, chinese: true, translator: Translator);

        Assert.True(verified.Report.Clean, string.Join("; ", verified.Report.Unsupported.Select(u => $"{u.Text}: {u.Reason}")));
    }

    [Theory]
    [InlineData("空压机机油每 2000 运行小时更换一次 [1]。", UnsupportedReason.NumberNotInSources)]
    [InlineData("主轴轴承每周加注润滑脂 [1]。", UnsupportedReason.NotCovered)]
    public void Verify_ChineseClaimEnglishSource_WrongValueOrUnrelatedClaimRemoved(string answer, UnsupportedReason reason)
    {
        var verified = GeneratedAnswerVerifier.Verify(answer, Manual, UnsupportedSentenceHandling.Remove, chinese: true, translator: Translator);

        Assert.Equal(reason, Assert.Single(verified.Report.Unsupported).Reason);
    }

    [Fact]
    public void Verify_ChineseClaimWithoutValuesNoTranslator_NotCovered()
    {
        var verified = GeneratedAnswerVerifier.Verify("在机壳内作业前必须上锁挂牌 [2]。", Manual, UnsupportedSentenceHandling.Remove, chinese: true);

        Assert.Equal(UnsupportedReason.NotCovered, Assert.Single(verified.Report.Unsupported).Reason);
    }

    [Fact]
    public void Verify_ChineseClaimTurningAnEnglishProhibitionIntoAnInstruction_Contradicted()
    {
        var sources = Sources.Numbered(Sources.Hit("mm", "2.2 Never loosen a fitting, plug or hose while the system is under pressure."));

        var verified = GeneratedAnswerVerifier.Verify("系统带压时可以松开软管接头 [1]。", sources, UnsupportedSentenceHandling.Remove, chinese: true, translator: Translator);

        Assert.False(verified.Report.Clean);
    }

    [Fact]
    public void Verify_EnglishClaimChineseSource_KeptWhenRightRemovedWhenTheValueIsWrong()
    {
        var law = Sources.Hit("law", "第二十四条 从业人员超过一百人的，应当设置安全生产管理机构或者配备专职安全生产管理人员。", title: "安全生产法") with
        {
            Document = Sources.Hit("law", "x").Document with { Language = Documents.DocumentLanguage.Zh },
        };
        var sources = Sources.Numbered(law);

        var right = GeneratedAnswerVerifier.Verify("Above 100 employees a safety management body is required [1].", sources, UnsupportedSentenceHandling.Remove, chinese: false, translator: Translator);
        var wrong = GeneratedAnswerVerifier.Verify("Above 300 employees a safety management body is required [1].", sources, UnsupportedSentenceHandling.Remove, chinese: false, translator: Translator);

        Assert.False(wrong.Report.Clean);
        Assert.True(right.Report.Clean, string.Join("; ", right.Report.Unsupported.Select(u => $"{u.Text}: {u.Reason}")));
    }
}
