using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Ask;

/// <summary>
/// Each kind of planted mistake, in English and Chinese, through the server's /api/ask over corpus/: a model answer
/// holding one right sentence and one planted sentence comes back with the right one and without the planted one.
/// </summary>
public sealed class AnswerCheckTests : IClassFixture<AnswerCheckTests.Model>
{
    private const string EnQuestion = "How is the spindle of the VMC-850 warmed up?";
    private const string EnRight = "Run the spindle at 10,000 rpm for 10 minutes [n].";
    private const string ZhQuestion = "机加工件倒圆半径和倒角高度的未注公差是多少？";
    private const string ZhRight = "尺寸不大于3 mm 的倒圆半径和倒角高度取±0.2 mm。[n]";
    private readonly Model _fixture;

    public AnswerCheckTests(Model fixture) => _fixture = fixture;

    [Theory]
    [InlineData("wrong step", "Run the spindle at 6,000 rpm for 10 minutes [n].", "6,000 rpm for 10")]
    [InlineData("wrong unit", "Run the spindle at 2,000 rpm for 5 hours [n].", "5 hours")]
    [InlineData("number words", "Run the spindle at 2,000 rpm for fifteen minutes [n].", "fifteen")]
    [InlineData("waived requirement", "Confirming that the door interlock is closed is optional [n].", "optional")]
    [InlineData("dropped condition", "Skip the warm-up [n].", "Skip the warm-up")]
    [InlineData("invented step", "Lubricate the tool changer arm with lithium grease [n].", "lithium")]
    [InlineData("uncited fact", "The spindle bearings are regreased every 500 hours.", "regreased")]
    [InlineData("not mentioned, but", "The sources do not mention the coolant, but the spindle must first reach 40 °C.", "40 °C")]
    public async Task Ask_EnglishAnswerWithAPlantedMistake_OnlyTheRightSentenceShown(string kind, string planted, string mark)
    {
        var answer = await Ask(EnQuestion, EnRight + " " + planted, "10,000 rpm");

        Assert.True(answer.Contains("10,000 rpm for 10 minutes", StringComparison.Ordinal), $"{kind}: {answer}");
        Assert.False(answer.Contains(mark, StringComparison.Ordinal), $"{kind}: {answer}");
    }

    [Theory]
    [InlineData("wrong row", "中等级 m 在 >6～30 mm 范围的极限偏差为 ±0.40 mm。[t]", "±0.40")]
    [InlineData("wrong unit", "倒圆半径和倒角高度大于3 mm 时取±0.5 cm。[n]", "0.5 cm")]
    [InlineData("number words", "尺寸大于五 mm 的倒角高度取±0.5 mm。[n]", "五 mm")]
    [InlineData("waived requirement", "图样未注明公差等级时，无需按中等级 m 执行。[g]", "无需")]
    [InlineData("invented step", "检验时应使用激光干涉仪逐一测量所有倒角。[n]", "激光")]
    [InlineData("uncited fact", "精密级 f 的极限偏差为±0.01 mm。", "±0.01")]
    [InlineData("not mentioned, but", "资料未提及表面粗糙度，但倒角高度公差为±0.3 mm。", "±0.3")]
    public async Task Ask_ChineseAnswerWithAPlantedMistake_OnlyTheRightSentenceShown(string kind, string planted, string mark)
    {
        var answer = await Ask(ZhQuestion, ZhRight + planted, "±0.2 mm");

        Assert.True(answer.Contains("±0.2 mm", StringComparison.Ordinal), $"{kind}: {answer}");
        Assert.False(answer.Contains(mark, StringComparison.Ordinal), $"{kind}: {answer}");
    }

    [Theory]
    [InlineData("What is the tightening torque of M10 and M12 bolts of grade 8.8?", "An M12 bolt of grade 8.8 is tightened to 82 N·m [k].", "82 N·m", "An M10 bolt of grade 8.8 is tightened to 82 N·m [k].", "M10", "notInAlignedUnit")]
    [InlineData("换刀时主轴旋转能伸手进入加工区吗？新刀怎么装？", "将新刀装入主轴，确认拉钉已夹紧后松开松刀按钮。[s]", "拉钉已夹紧", "主轴旋转时可以伸手进入加工区清理切屑。[p]", "伸手", "contradicted")]
    [InlineData("换刀时主轴旋转能伸手进入加工区吗？新刀怎么装？", "主轴旋转时严禁伸手进入加工区。[p]", "严禁", "将新刀装入主轴，随即松开松刀按钮。[s]", "随即", "droppedCondition")]
    public async Task Ask_TableRowOrProcedureMistake_RemovedForItsReason(string question, string right, string rightMark, string planted, string mark, string reason)
    {
        var body = await AskFor(question, right + (right.Contains('。', StringComparison.Ordinal) ? "" : " ") + planted, "");
        var answer = body.GetProperty("answer").GetString()!;

        Assert.True(answer.Contains(rightMark, StringComparison.Ordinal), answer);
        Assert.False(answer.Contains(mark, StringComparison.Ordinal), answer);
        Assert.Equal(reason, Assert.Single(body.GetProperty("verification").GetProperty("unsupported").EnumerateArray()).GetProperty("reason").GetString());
    }

    // [n] is the number the prompt gave the passage holding the anchor, [t] the table's, [g] the one holding 4.1.
    private async Task<string> Ask(string question, string reply, string anchor) =>
        (await AskFor(question, reply, anchor)).GetProperty("answer").GetString()!;

    private async Task<JsonElement> AskFor(string question, string reply, string anchor)
    {
        _fixture.Reply = messages => reply
            .Replace("[n]", $"[{PromptSources.NumberOf(messages[^1].Text, anchor)}]", StringComparison.Ordinal)
            .Replace("[t]", $"[{PromptSources.NumberOf(messages[^1].Text, "±0.10")}]", StringComparison.Ordinal)
            .Replace("[g]", $"[{PromptSources.NumberOf(messages[^1].Text, "一律按中等级")}]", StringComparison.Ordinal)
            .Replace("[k]", $"[{PromptSources.NumberOf(messages[^1].Text, "| M10 |")}]", StringComparison.Ordinal)
            .Replace("[p]", $"[{PromptSources.NumberOf(messages[^1].Text, "严禁在主轴旋转时")}]", StringComparison.Ordinal)
            .Replace("[s]", $"[{PromptSources.NumberOf(messages[^1].Text, "确认拉钉已夹紧后")}]", StringComparison.Ordinal);
        var response = await _fixture.Client.PostAsJsonAsync("/api/ask", new { question });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("mode").GetString() == "generated", body.ToString());
        return body;
    }

    /// <summary>One server over corpus/ for the class, answering with whatever reply the test sets.</summary>
    public sealed class Model : IAsyncLifetime, IDisposable
    {
        private CorpusServer? _server;

        public Func<IReadOnlyList<Microsoft.Extensions.AI.ChatMessage>, string> Reply { get; set; } = _ => "";

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var model = new ScriptedChatClient(messages => Reply(messages));
            _server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
            Client = await _server.ReadyClientAsync();
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            Client?.Dispose();
            _server?.Dispose();
        }
    }
}
