using System.Net;
using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Mes;

public sealed class MesApiTests
{
    [Fact]
    public async Task Lookup_AlarmCode_RowThatNamesItCited()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/mes/lookup", new { equipmentId = "CNC-07", alarmCode = "E-205" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("报警 E-205 是什么意思，怎么处理？", body.GetProperty("question").GetString());
        Assert.Contains(body.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString()!.Contains("E-205 | 拉钉未夹紧", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lookup_ProcedureQuestion_NumberedStepsOfTheCitedProcedure()
    {
        using var server = new CorpusServer { Settings = AnswerSettings.Answering() };
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/mes/lookup", new { question = "How do I replace the oil filter of the AC-37 compressor?", lang = "en" });

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var steps = body.GetProperty("steps").EnumerateArray().ToList();
        Assert.True(steps.Count >= 5, body.ToString());
        Assert.Equal(1, steps[0].GetProperty("number").GetInt32());
        Assert.StartsWith("Stop the compressor, isolate it at breaker Q1", steps[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("citations").EnumerateArray(), c => c.GetProperty("number").GetInt32() == steps[0].GetProperty("citation").GetInt32());
    }

    [Fact]
    public async Task Lookup_NothingAsked_400()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/mes/lookup", new { equipmentId = "CNC-07" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
