using IndustryCopilot.Core.Answering.Examples;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Tests.Answering.Examples;

public sealed class ExampleQuestionsTests
{
    private static readonly DocumentInfo Manual = new() { Id = "d", SourcePath = "/d.pdf", ContentHash = "h", Format = "pdf", SizeBytes = 1, Title = "AC-37 Maintenance Manual", Language = DocumentLanguage.En, AccessGroups = ["public"] };

    private static Chunk Chunk(string text, ChunkKind kind = ChunkKind.Text) => new() { DocumentId = "d", Ordinal = 0, SectionPath = "s", Text = text, Hash = "h", Kind = kind };

    [Theory]
    [InlineData("4.2 A-102 Oil pressure below 1.5 bar. Check the oil filter.", true, "A-102 报警怎么处理？")]
    [InlineData("4.2 A-102 Oil pressure below 1.5 bar. Check the oil filter.", false, "How do I clear alarm A-102?")]
    [InlineData("This manual covers routine maintenance.", false, null)]
    [InlineData("规范二号工厂 VMC-850 加工中心的手动换刀作业。", true, null)]
    public void From_TextPassage_QuestionFromItsContent(string text, bool chinese, string? expected) =>
        Assert.Equal(expected, ExampleQuestions.From(Chunk(text), Manual, chinese));

    [Fact]
    public void From_ValueTable_AsksForTheColumnWithAUnitOfTheFirstRow()
    {
        var table = Chunk("拧紧力矩\n| 规格 Size | 性能等级 Grade | 拧紧力矩 Torque (N·m) |\n| --- | --- | --- |\n| M6 | 8.8 | 10 |", ChunkKind.Table);

        // The grade column holds numbers too, but the torque's header carries a unit: that is what a row looks up.
        Assert.Equal("M6 的拧紧力矩是多少？", ExampleQuestions.From(table, Manual, chinese: true));
        Assert.Equal("What is the Torque (N·m) for M6?", ExampleQuestions.From(table, Manual, chinese: false));
    }

    [Fact]
    public void From_RangeColumns_NoQuestion()
    {
        var tolerances = Chunk("| 公差等级 | 0.5～6 | >6～30 |\n| --- | --- | --- |\n| 精密级 f | ±0.04 | ±0.08 |", ChunkKind.Table);

        Assert.Null(ExampleQuestions.From(tolerances, Manual, chinese: true));
    }

    [Fact]
    public void Best_StepsAndAlarmTable_AlarmFirst()
    {
        var steps = Chunk("1. 按下急停按钮。\n2. 取下旧刀。", ChunkKind.Procedure);
        var alarms = Chunk("| 代码 | 含义 | 处理措施 |\n| --- | --- | --- |\n| E-201 | 刀库计数错误 | 回零刀库 |", ChunkKind.Table);

        Assert.Equal("E-201 报警怎么处理？", ExampleQuestions.Best([steps, alarms], Manual, chinese: true));
    }

    [Fact]
    public void From_AlarmTableAndSteps_ActionAndStepQuestions()
    {
        var alarms = Chunk("| 代码 | 含义 | 处理措施 |\n| --- | --- | --- |\n| E-201 | 刀库计数错误 | 回零刀库 |", ChunkKind.Table);
        var steps = Chunk("1. Stop the compressor.\n2. Vent the system.", ChunkKind.Procedure);

        Assert.Equal("E-201 报警怎么处理？", ExampleQuestions.From(alarms, Manual, chinese: true));
        Assert.Equal("What are the steps of AC-37 Maintenance Manual?", ExampleQuestions.From(steps, Manual, chinese: false));
    }
}
