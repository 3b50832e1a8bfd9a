using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Answering.Verification;

/// <summary>Each kind of planted mistake the verifier must catch, in both languages, beside the correct writing it must let through.</summary>
public sealed class ClaimAlignmentTests
{
    private static readonly IReadOnlyList<PromptSource> Torque = Sources.Numbered(
        Sources.Hit("torque", "Table 2 Tightening torque\n| Size | Grade | Torque (N·m) |\n| --- | --- | --- |\n| M10 | 8.8 | 49 |\n| M12 | 8.8 | 82 |\n| M12 | 10.9 | 115 |", title: "Torque table", section: "Table 2", kind: ChunkKind.Table),
        Sources.Hit("steps", "1. Switch off the compressor and lock out the main disconnect.\n2. Vent the receiver until the pressure gauge reads 0 bar.\n3. Do not open the drain valve while the receiver is under pressure.\n4. Reset alarm E-205 only after the oil temperature has dropped below 60 °C.\n5. Change the oil every 4,000 hours.", title: "MM-AC-037 Air compressor", section: "3 Maintenance"),
        Sources.Hit("zh", "3.1 更换滤芯前必须切断电源并挂牌。\n3.2 不得在设备运行时打开防护罩。\n3.3 只有在压力降至 0 MPa 后，才可拆卸油过滤器。\n3.4 每 500 小时更换一次空气滤芯。", title: "空压机维护规程", section: "3 维护"),
        Sources.Hit("oven", "Preheat the oven to 180 °C for 30 minutes before loading parts.", title: "Curing oven SOP", section: "2 Operation"));

    [Theory]
    [InlineData("An M12 grade 8.8 bolt is tightened to 82 N·m [1].")]
    [InlineData("M12 8.8 级螺栓的拧紧力矩为 82 N·m。[1]")]
    [InlineData("For an M12 bolt of grade 10.9 the torque is 115 Nm [1].")]
    [InlineData("Change the oil every four thousand hours [2].")]
    [InlineData("Change the oil every 4000 h [2].")]
    [InlineData("Reset alarm E-205 only after the oil temperature is below 60 °C [2].")]
    [InlineData("Never open the drain valve while the receiver is pressurized [2].")]
    [InlineData("只有压力降至 0 MPa 后才可拆卸油过滤器。[3]")]
    [InlineData("空气滤芯每五百小时更换一次。[3]")]
    [InlineData("设备运行时不得打开防护罩。[3]")]
    [InlineData("Preheat the oven to 356 °F for half an hour before loading parts [4].")]
    [InlineData("Change the oil every 4,000 hours, and vent the receiver until the gauge reads 0 bar [2].")]
    public void Verify_CorrectClaim_KeptIntact(string answer)
    {
        var verified = Verify(answer);

        Assert.True(verified.Report.Clean, string.Join("; ", verified.Report.Unsupported.Select(u => $"{u.Reason}: {u.Detail}")));
        Assert.True(verified.HasSupportedClaims);
    }

    [Theory]
    [InlineData("An M12 grade 8.8 bolt is tightened to 115 N·m [1].", UnsupportedReason.NotInAlignedUnit)] // the 10.9 row's value
    [InlineData("M12 8.8 级螺栓的拧紧力矩为 49 N·m。[1]", UnsupportedReason.NotInAlignedUnit)] // the M10 row's value
    [InlineData("Change the oil every 500 hours [2].", UnsupportedReason.NumberNotInSources)]
    [InlineData("每 4000 小时更换一次空气滤芯。[3]", UnsupportedReason.NumberNotInSources)]
    [InlineData("Change the oil every three thousand hours [2].", UnsupportedReason.NumberNotInSources)]
    [InlineData("空气滤芯每五千小时更换一次。[3]", UnsupportedReason.NumberNotInSources)]
    [InlineData("Preheat the oven to 180 °F for 30 minutes before loading parts [4].", UnsupportedReason.NumberNotInSources)] // another scale
    [InlineData("Preheat the oven to 180 °C for 30 hours before loading parts [4].", UnsupportedReason.NumberNotInSources)] // another time unit
    [InlineData("Preheat the oven to 180 °C for 30 ms before loading parts [4].", UnsupportedReason.NumberNotInSources)] // a unit that is a prefix
    [InlineData("Open the drain valve while the receiver is under pressure [2].", UnsupportedReason.Contradicted)]
    [InlineData("设备运行时可以打开防护罩。[3]", UnsupportedReason.Contradicted)]
    [InlineData("Locking out the main disconnect is optional when you switch off the compressor [2].", UnsupportedReason.Contradicted)]
    [InlineData("更换滤芯前无需切断电源。[3]", UnsupportedReason.Contradicted)]
    [InlineData("Reset alarm E-205 to restart the compressor [2].", UnsupportedReason.DroppedCondition)]
    [InlineData("拆卸油过滤器即可继续维护。[3]", UnsupportedReason.DroppedCondition)]
    [InlineData("Grease the motor bearings with lithium grease [2].", UnsupportedReason.NotCovered)] // an invented step, no numbers
    [InlineData("检查皮带张紧度并调整电机底座。[3]", UnsupportedReason.NotCovered)]
    public void Verify_PlantedMistake_Removed(string answer, UnsupportedReason reason)
    {
        var verified = Verify(answer);

        var removed = Assert.Single(verified.Report.Unsupported);
        Assert.Equal(reason, removed.Reason);
        Assert.True(removed.Removed);
        Assert.False(verified.HasSupportedClaims);
    }

    [Theory]
    [InlineData("For groundtruth/amt.md, Bytes is 3,618 [1].", true)]
    [InlineData("For groundtruth/linn.txt, Bytes is 3,618 [1].", false)] // the value of another row, whose name is words, not a code
    public void Verify_TableRowNamedByWords_ValueMustBeInThatRow(string answer, bool kept)
    {
        var files = Sources.Numbered(Sources.Hit("files", "| File | Bytes |\n| --- | --- |\n| groundtruth/linn.txt | 4,567 |\n| groundtruth/amt.md | 3,618 |", title: "Shared files", section: "Files", kind: ChunkKind.Table));

        var verified = GeneratedAnswerVerifier.Verify(answer, files, UnsupportedSentenceHandling.Remove, chinese: false);

        Assert.Equal(kept, verified.HasSupportedClaims);
        if (!kept)
        {
            Assert.Equal(UnsupportedReason.NotInAlignedUnit, Assert.Single(verified.Report.Unsupported).Reason);
        }
    }

    [Theory]
    [InlineData("The compressor will not start with the service door open [1].", true)] // another negation restates a prohibition
    [InlineData("The compressor won't run if the service door is open [1].", true)]
    [InlineData("The compressor starts while the service door is open [1].", false)] // no negation left: the opposite
    [InlineData("Each unit takes 18 litres of HD-46 oil [1].", true)] // one sentence across a ';'
    [InlineData("The oil and the oil filter need changing every 4,000 hours of operation [1].", true)]
    [InlineData("新刀装入主轴后，要先确认拉钉夹紧，再松开松刀按钮。[2]", true)]
    [InlineData("刀柄超过15 kg 时需两人搬运或用刀具小车。[2]", true)]
    public void Verify_ParaphraseOfAManual_KeptUnlessItSaysTheOpposite(string answer, bool kept)
    {
        var manuals = Sources.Numbered(
            Sources.Hit("ac", "3.3 Replace the oil filter and the compressor oil every 4,000 operating hours. Use only HD-46 compressor oil; 18 litres are needed per unit.\nThe compressor cannot start while the service door is open.", title: "AC-37 Screw Air Compressor Maintenance Manual", section: "3 Maintenance intervals"),
            Sources.Hit("sop", "5. 将新刀装入主轴，确认拉钉已夹紧后松开松刀按钮。\n3.2 搬运质量超过15 kg 的刀柄时，应两人配合或使用刀具小车。", title: "SOP-PR-017 CNC加工中心换刀作业指导书", section: "3 安全要求"));

        var verified = GeneratedAnswerVerifier.Verify(answer, manuals, UnsupportedSentenceHandling.Remove, chinese: answer.Any(c => c is >= '\u4e00' and <= '\u9fff'));

        Assert.True(kept == verified.HasSupportedClaims, string.Join("; ", verified.Report.Unsupported.Select(u => $"{u.Reason}: {u.Detail}")));
    }

    [Fact]
    public void Verify_ContradictionInFlagMode_StillRemoved()
    {
        var verified = GeneratedAnswerVerifier.Verify("Open the drain valve while the receiver is under pressure [2].", Torque, UnsupportedSentenceHandling.Flag, chinese: false);

        Assert.True(Assert.Single(verified.Report.Unsupported).Removed);
        Assert.Equal("", verified.Text);
    }

    [Theory]
    [InlineData("The sources do not mention the belt tension, but the oil is changed every 4,000 hours.")]
    [InlineData("资料未提及皮带张紧度，但空气滤芯每 500 小时更换一次。")]
    [InlineData("To keep the receiver safe, vent it until the gauge reads 0 bar and lock out the main disconnect:")]
    public void Verify_UncitedFactInsideSilenceOrLeadIn_NeedsItsCitation(string answer)
    {
        var verified = Verify(answer);

        Assert.Equal(UnsupportedReason.NoCitation, Assert.Single(verified.Report.Unsupported).Reason);
    }

    [Fact]
    public void Verify_SilenceAloneAndPlainLeadIn_Exempt()
    {
        var verified = Verify("The sources do not mention the belt tension. The steps are:\n1. Change the oil every 4,000 hours [2].");

        Assert.True(verified.Report.Clean);
        Assert.Equal("The sources do not mention the belt tension. The steps are:\n1. Change the oil every 4,000 hours. [1]", verified.Text);
    }

    [Fact]
    public void Verify_ClaimCitedToTheWrongSourceButInThePrompt_RecitedAndReported()
    {
        var verified = Verify("每 500 小时更换一次空气滤芯。[1]");

        Assert.True(verified.HasSupportedClaims);
        Assert.Empty(verified.Report.Unsupported);
        var repair = Assert.Single(verified.Report.Repaired);
        Assert.Equal((1, 3), (repair.Cited.Single(), repair.Now));
        Assert.Equal("3.4 每 500 小时更换一次空气滤芯。", Assert.Single(verified.Citations).Quote);
    }

    [Fact]
    public void Verify_WrongRowQuoted_CitationQuotesTheAlignedRow()
    {
        var verified = Verify("For M12 grade 10.9 the tightening torque is 115 N·m [1].");

        Assert.Equal("| M12 | 10.9 | 115 |", Assert.Single(verified.Citations).Quote);
        Assert.Equal((3, 3), verified.Citations[0].TableRows);
    }

    private static VerifiedAnswer Verify(string answer) =>
        GeneratedAnswerVerifier.Verify(answer, Torque, UnsupportedSentenceHandling.Remove, chinese: answer.Any(c => c is >= '\u4e00' and <= '\u9fff'));
}
