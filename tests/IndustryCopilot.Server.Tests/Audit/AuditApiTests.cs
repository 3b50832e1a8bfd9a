using System.Net;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Audit;

public sealed class AuditApiTests
{
    [Fact]
    public async Task Audit_AnswersFromEveryChannel_RecordedWithKeyChannelAndSources()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var mes = await server.ReadyClientAsync(server.AddKey("mes-line3", ApiKeyRole.Reader));
        using var admin = await server.ReadyClientAsync(server.AddKey("it", ApiKeyRole.Admin));
        await CorpusServer.PostJson(mes, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" });
        await CorpusServer.PostJson(mes, "/api/ask/stream", new { question = "What is the oil change interval of the AC-37 compressor?", channel = "web" });
        await CorpusServer.PostJson(mes, "/api/mes/lookup", new { alarmCode = "E-217" });
        await CorpusServer.PostJson(mes, "/v1/chat/completions", new { model = "industrycopilot", messages = new[] { new { role = "user", content = "How often is the AC-37 oil changed?" } } });
        await CorpusServer.PostJson(mes, "/api/ask", new { question = "What is the price of gold in 1850?" });

        var all = JsonDocument.Parse(await admin.GetStringAsync("/api/audit")).RootElement;
        var refused = JsonDocument.Parse(await admin.GetStringAsync("/api/audit?mode=refused")).RootElement;
        var web = JsonDocument.Parse(await admin.GetStringAsync("/api/audit?channel=web&key=mes-line3")).RootElement;
        var export = await admin.GetStringAsync("/api/audit/export?q=M12");

        Assert.Equal(["api", "openai", "mes", "web", "api"], all.EnumerateArray().Select(r => r.GetProperty("entry").GetProperty("channel").GetString()!));
        var first = all[4].GetProperty("entry");
        Assert.Equal("mes-line3", first.GetProperty("keyName").GetString());
        Assert.Equal("quote", first.GetProperty("mode").GetString());
        Assert.Equal(64, first.GetProperty("citations")[0].GetProperty("documentHash").GetString()!.Length);
        Assert.True(first.GetProperty("latencyMs").GetDouble() > 0);
        Assert.Equal("What is the price of gold in 1850?", refused[0].GetProperty("entry").GetProperty("question").GetString());
        Assert.All(refused.EnumerateArray(), r => Assert.Equal("refused", r.GetProperty("entry").GetProperty("mode").GetString()));
        Assert.Equal(1, web.GetArrayLength());
        Assert.Contains("M12", Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ReaderOrEditor_403AndBadFilter_400()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var editor = await server.ReadyClientAsync(server.AddKey("ed", ApiKeyRole.Editor));
        using var admin = await server.ReadyClientAsync(server.AddKey("it", ApiKeyRole.Admin));

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/audit?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/audit?mode=maybe")).StatusCode);
    }
}
