using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Ask;

/// <summary>
/// Every endpoint says what an answer claims. The thresholds are set so that any question with evidence gets the
/// closest passages (answer threshold above every probability), or so that nothing passes the gate.
/// </summary>
public sealed class AnswerOutcomeTests
{
    private const string Question = "What is the oil change interval of the AC-37 compressor?";

    private static readonly Dictionary<string, string> Closest = new() { ["Answering:GateThreshold"] = "0", ["Answering:AnswerThreshold"] = "1" };

    private static readonly Dictionary<string, string> NothingPasses = new() { ["Answering:GateThreshold"] = "1" };

    [Fact]
    public async Task Ask_ClosestPassages_OutcomeClosestLabelFirstAndCitations()
    {
        using var server = new CorpusServer { Settings = Closest };
        using var client = await server.ReadyClientAsync();

        var body = await Json(await CorpusServer.PostJson(client, "/api/ask", new { question = Question }));

        Assert.Equal("closest", body.GetProperty("outcome").GetString());
        Assert.Equal("quote", body.GetProperty("mode").GetString());
        Assert.StartsWith("No direct answer found; the closest passages are:\n", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("citations").GetArrayLength() >= 2);
        Assert.InRange(body.GetProperty("answerability").GetDouble(), 0, 1);
        var audit = server.Services.GetRequiredService<Hosting.Audit.IAuditLog>();
        Assert.Equal(Core.Answering.AnswerOutcome.Closest, Assert.Single((await audit.QueryAsync(new Hosting.Audit.AuditQuery(), null))).Entry.Outcome);
    }

    [Fact]
    public async Task Ask_NothingPassesTheGate_OutcomeNotFound()
    {
        using var server = new CorpusServer { Settings = NothingPasses };
        using var client = await server.ReadyClientAsync();

        var body = await Json(await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" }));

        Assert.Equal("notFound", body.GetProperty("outcome").GetString());
        Assert.Equal("refused", body.GetProperty("mode").GetString());
        Assert.StartsWith("知识库中未找到依据", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task Ask_DefaultThresholds_TableRowCited()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var body = await Json(await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" }));

        // Answered or closest depends on the fitted threshold; either way the row is quoted, first.
        Assert.NotEqual("notfound", body.GetProperty("outcome").GetString());
        Assert.Contains("M12", body.GetProperty("citations")[0].GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.Contains("82", body.GetProperty("citations")[0].GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ProbabilityAboveThreshold_TableRowAnswered()
    {
        using var server = new CorpusServer { Settings = AnswerSettings.Answering() };
        using var client = await server.ReadyClientAsync();

        var body = await Json(await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" }));

        Assert.Equal("answered", body.GetProperty("outcome").GetString());
        Assert.StartsWith("根据知识库文件原文", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MesLookup_ClosestPassages_OutcomeClosestAndNoSteps()
    {
        using var server = new CorpusServer { Settings = Closest };
        using var client = await server.ReadyClientAsync();

        var body = await Json(await CorpusServer.PostJson(client, "/api/mes/lookup", new { question = "How do I replace the oil filter of the AC-37 compressor?", lang = "en" }));

        // Steps are instructions: shown only for an answer, never for passages that merely come closest.
        Assert.Equal("closest", body.GetProperty("outcome").GetString());
        Assert.Equal(0, body.GetProperty("steps").GetArrayLength());
        Assert.StartsWith("No direct answer found", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_ClosestPassages_OutcomeFieldAndLabelInContent()
    {
        using var server = new CorpusServer { Settings = Closest };
        using var client = await server.ReadyClientAsync();
        var request = new { model = "industrycopilot", messages = new[] { new { role = "user", content = Question } } };

        var body = await Json(await CorpusServer.PostJson(client, "/v1/chat/completions", request));
        var stream = await (await CorpusServer.PostJson(client, "/v1/chat/completions", new { request.model, request.messages, stream = true })).Content.ReadAsStringAsync();

        Assert.Equal("closest", body.GetProperty("outcome").GetString());
        Assert.StartsWith("No direct answer found", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
        var chunks = stream.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l[6..]).RootElement).ToList();
        Assert.Equal("closest", chunks[^1].GetProperty("outcome").GetString());
        Assert.Equal("stop", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.StartsWith("No direct answer found", string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : "")), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
