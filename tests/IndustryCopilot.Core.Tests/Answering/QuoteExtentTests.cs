using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Answering;

/// <summary>What a technician must read together: the whole alarm clause, every row that differs only in a qualifier, the value marked, and why a reply is not confirmed.</summary>
public sealed class QuoteExtentTests
{
    private static RetrievalIndex Plant()
    {
        var fixture = new RetrievalIndex();
        fixture.Add("ac", "AC-37 Screw Air Compressor Maintenance Manual", DocumentLanguage.En,
            ("4 Alarm codes > 4.2", "4.2", "4.2 A-102 Oil pressure below 1.5 bar. Check the oil filter and the oil level; replace the filter if it is blocked."),
            ("4 Alarm codes > 4.4", "4.4", "4.4 A-305 Motor overload. Check the supply voltage and the drive belt tension; reset only after the cause is removed."),
            ("3 Maintenance intervals > 3.3", "3.3", "3.3 Replace the oil filter and the compressor oil every 4,000 operating hours. Use only HD-46 compressor oil."),
            ("1 Scope", null, "This manual covers routine maintenance of the AC-37 oil-injected screw compressors of line L2."));
        fixture.Add("torque", "拧紧力矩 Tightening torque", DocumentLanguage.Mixed,
            ("拧紧力矩", null, "| 规格 Size | 性能等级 Grade | 拧紧力矩 Torque (N·m) | 允差 Tolerance |\n| --- | --- | --- | --- |\n| M10 | 8.8 | 47 | ±10% |\n| M12 | 8.8 | 82 | ±8% |\n| M12 | 10.9 | 115 | ±8% |\n| M16 | 8.8 | 200 | ±8% |"));
        fixture.Add("tol", "Q/HD 006-2024 机加工件未注尺寸公差", DocumentLanguage.Zh,
            ("2 规范性引用文件", null, "下列文件对于本标准的应用是必不可少的。"),
            ("3 术语和定义 > 3.2", "3.2", "3.2 公差等级 按本标准划分的精密级 f、中等级 m、粗糙级 c 三个等级。"));
        return fixture;
    }

    private static QuoteAnswerer Answering(RetrievalIndex fixture) => new(fixture.Retriever, new AnsweringOptions { GateThreshold = 0, AnswerThreshold = 0 });

    private static QuoteAnswerer Hedging(RetrievalIndex fixture) => new(fixture.Retriever, new AnsweringOptions { GateThreshold = 0, AnswerThreshold = 1.0 });

    [Fact]
    public async Task Ask_AlarmQuestion_WholeClauseWithRemedyAndItsCondition()
    {
        using var fixture = Plant();

        var answer = (await Answering(fixture).AskAsync("How do I clear alarm A-305?"));

        var citation = Assert.Single(answer.Citations, c => c.ClauseLabel == "4.4");
        Assert.Equal("4.4 A-305 Motor overload. Check the supply voltage and the drive belt tension; reset only after the cause is removed.", citation.Quote);
        // The action is what is marked, not the alarm's meaning.
        Assert.Contains(citation.Highlights, h => h.Contains("reset only after the cause is removed", StringComparison.Ordinal));
        Assert.DoesNotContain(citation.Highlights, h => h.Contains("Motor overload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_ClosestForAlarm_FirstPassageWholeAndUnrelatedOnesCut()
    {
        using var fixture = Plant();

        var answer = (await Hedging(fixture).AskAsync("How do I clear alarm A-102 on the compressor?"));

        Assert.Equal(AnswerOutcome.Closest, answer.Outcome);
        Assert.Equal("4.2 A-102 Oil pressure below 1.5 bar. Check the oil filter and the oil level; replace the filter if it is blocked.", answer.Citations[0].Quote);
        // The scope clause and the other alarm hold none of "A-102"/"clear": they are cut, not listed after it.
        Assert.DoesNotContain(answer.Citations, c => c.ClauseLabel == "4.4" || c.SectionPath == "1 Scope");
        Assert.NotNull(answer.Reason);
        Assert.Contains("“clear”", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SizeWithTwoGrades_BothRowsShownAndTheChoiceAsked()
    {
        using var fixture = Plant();

        var answer = (await Answering(fixture).AskAsync("M12 螺栓的拧紧力矩是多少？"));

        var citation = Assert.Single(answer.Citations, c => c.DocumentId == "torque");
        Assert.Contains("| M12 | 8.8 | 82 | ±8% |", citation.Quote, StringComparison.Ordinal);
        Assert.Contains("| M12 | 10.9 | 115 | ±8% |", citation.Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("M16", citation.Quote, StringComparison.Ordinal);
        Assert.Equal(["82", "115"], citation.Highlights);
        Assert.NotNull(answer.Choice);
        Assert.Contains("性能等级 Grade", answer.Choice, StringComparison.Ordinal);
        Assert.Contains("8.8、10.9", answer.Choice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SizeAndGradeNamed_OnlyThatRowAndNoChoice()
    {
        using var fixture = Plant();

        var answer = (await Answering(fixture).AskAsync("M12 10.9 级螺栓的拧紧力矩是多少？"));

        var citation = Assert.Single(answer.Citations, c => c.DocumentId == "torque");
        Assert.Contains("| M12 | 10.9 | 115 | ±8% |", citation.Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("| M12 | 8.8 |", citation.Quote, StringComparison.Ordinal);
        Assert.Null(answer.Choice);
    }

    [Fact]
    public async Task Ask_IntervalQuestion_ValueWithUnitMarked()
    {
        using var fixture = Plant();

        var answer = (await Answering(fixture).AskAsync("What is the oil change interval of the compressor?"));

        var citation = Assert.Single(answer.Citations, c => c.ClauseLabel == "3.3");
        Assert.Contains("4,000 operating hours", citation.Highlights);
    }

    [Fact]
    public async Task Ask_ClosestWithEveryWordPresent_ReasonSaysItIsNotCertain()
    {
        using var fixture = Plant();

        var answer = (await Hedging(fixture).AskAsync("A-305 motor overload"));

        Assert.Equal(AnswerOutcome.Closest, answer.Outcome);
        Assert.StartsWith("The closest passage mentions the words of your question", answer.Reason, StringComparison.Ordinal);
    }
}
