using System.Net;
using System.Text.Json;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.Ask;

public sealed class AskApiTests
{
    [Fact]
    public async Task Ask_CorpusQuestion_QuoteAnswerWithCitedRow()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("quote", body.GetProperty("mode").GetString());
        Assert.Equal(32, body.GetProperty("answerId").GetString()!.Length);
        var citation = body.GetProperty("citations")[0];
        // Both grades of M12, marked at their torque, and the question back: which grade?
        Assert.Equal("| M12 | 8.8 | 82 | ±8% |\n| M12 | 10.9 | 115 | ±8% |", citation.GetProperty("quote").GetString());
        Assert.Equal((4, 5), (citation.GetProperty("tableRowFirst").GetInt32(), citation.GetProperty("tableRowLast").GetInt32()));
        Assert.Equal(["82", "115"], citation.GetProperty("highlights").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("torque-table_拧紧力矩表.xlsx", citation.GetProperty("fileName").GetString());
        Assert.Contains("8.8、10.9", body.GetProperty("choice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OlderRevisionNamed_AnsweredFromCurrentWithANoteOfTheNamedOne()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/ask", new { question = "E-203 报警在 B 版里怎么处理？" });

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // corpus/archive holds SOP-PR-017 版本 B, superseded by 版本 C of 2025-06-01: cited is C, the note quotes B.
        Assert.All(body.GetProperty("citations").EnumerateArray().Where(c => c.GetProperty("documentNumber").GetString() == "SOP-PR-017"),
            c => Assert.Equal("C", c.GetProperty("revision").GetString()));
        var note = body.GetProperty("revision");
        Assert.Equal("B", note.GetProperty("named").GetString());
        Assert.Equal("E-203 主轴过热：停机冷却20 min 后重新启动。", note.GetProperty("quote").GetString());
        Assert.Contains("2025-06-01", note.GetProperty("text").GetString(), StringComparison.Ordinal);
        var source = await client.GetAsync($"/api/sources/{Uri.EscapeDataString(note.GetProperty("chunkId").GetString()!)}");
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
    }

    [Fact]
    public async Task AskStream_CorpusQuestion_CitationsThenDoneEvents()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/ask/stream", new { question = "What is the oil change interval of the AC-37 compressor?" });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var citations = text.IndexOf("event: citations", StringComparison.Ordinal);
        var done = text.IndexOf("event: done", StringComparison.Ordinal);
        Assert.True(citations >= 0 && done > citations, text);
        var final = JsonDocument.Parse(text[done..].Split('\n')[1]["data: ".Length..]).RootElement;
        Assert.Equal("quote", final.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task AskStream_GeneratingModel_TokensBeforeTheVerifiedAnswer()
    {
        var model = new ScriptedChatClient(_ => "M12 螺栓的拧紧力矩为 82 N·m。[1]");
        using var server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        using var client = await server.ReadyClientAsync();

        var text = await (await CorpusServer.PostJson(client, "/api/ask/stream", new { question = "M12 螺栓的拧紧力矩是多少？" })).Content.ReadAsStringAsync();

        var firstToken = text.IndexOf("event: token", StringComparison.Ordinal);
        var done = text.IndexOf("event: done", StringComparison.Ordinal);
        Assert.True(firstToken >= 0 && done > firstToken, text);
        var final = JsonDocument.Parse(text[done..].Split('\n')[1]["data: ".Length..]).RootElement;
        Assert.Equal("generated", final.GetProperty("mode").GetString());
        Assert.Equal("M12 螺栓的拧紧力矩为 82 N·m。[1]", final.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("M12 螺栓 8.8 级的拧紧力矩为 82 N·m。[n]M12 螺栓 8.8 级的拧紧力矩为 115 N·m。[n]更换刀具前无需停机。[n]", "M12 螺栓的拧紧力矩是多少？", "82", "115")]
    [InlineData("The AC-37 compressor oil is changed every 4,000 hours [n]. The oil filter is changed every nine hundred hours [n]. Grease the motor bearings monthly [n].", "How often is the AC-37 compressor oil changed?", "4,000", "nine hundred")]
    public async Task AskStream_PlantedMistakes_OnlyVerifiedTextStreamedAndItAddsUpToTheAnswer(string reply, string question, string anchor, string planted)
    {
        // [n] is the number the prompt gave the passage holding the anchor value, as a model would cite it.
        var model = new ScriptedChatClient(messages => reply.Replace("[n]", $"[{PromptSources.NumberOf(messages[^1].Text, anchor)}]", StringComparison.Ordinal));
        using var server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        using var client = await server.ReadyClientAsync();

        var text = await (await CorpusServer.PostJson(client, "/api/ask/stream", new { question })).Content.ReadAsStringAsync();

        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')).Where(e => e.Length >= 2)
            .Select(e => (Name: e[0]["event: ".Length..], Data: e[1]["data: ".Length..])).ToList();
        var streamed = string.Concat(events.Where(e => e.Name == "token").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        var final = JsonDocument.Parse(events.Single(e => e.Name == "done").Data).RootElement;
        Assert.True(final.GetProperty("mode").GetString() == "generated", final.GetProperty("verification").ToString());
        Assert.Equal(final.GetProperty("answer").GetString(), streamed);
        Assert.Contains(anchor, streamed, StringComparison.Ordinal);
        Assert.DoesNotContain(planted, streamed, StringComparison.Ordinal);
        Assert.Equal(2, final.GetProperty("verification").GetProperty("unsupported").GetArrayLength());
    }

    [Fact]
    public async Task Ask_ModelBusy_429WithRetryAfter()
    {
        var model = new ScriptedChatClient(_ => "82 N·m [1].") { Gate = new TaskCompletionSource() };
        using var server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        using var client = await server.ReadyClientAsync();
        var question = new { question = "M12 螺栓的拧紧力矩是多少？" };

        // The default queue (1 running, 8 waiting) fills with nine held requests; the tenth is turned away.
        var held = Enumerable.Range(0, 9).Select(_ => CorpusServer.PostJson(client, "/api/ask", question)).ToList();
        var scheduler = server.Services.GetRequiredService<AnswerOrchestrator>().Scheduler;
        await Until.Signalled(() => scheduler.Running == 1 && scheduler.Waiting == 8, h => scheduler.Changed += h, h => scheduler.Changed -= h, "one request running and eight waiting");
        await model.CallsArrived(1);
        var busy = await CorpusServer.PostJson(client, "/api/ask", question);
        model.Gate.SetResult();
        await Task.WhenAll(held);

        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.True(busy.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType!.MediaType);
        Assert.All(held, r => Assert.Equal(HttpStatusCode.OK, r.Result.StatusCode));
    }

    [Fact]
    public async Task Ask_WaitingPastTheDeadlineOnTheServersClock_QuoteAnswerWithNotice()
    {
        // The host's TimeProvider is the model queue's clock: the deadline passes when the fake clock says so, not before.
        // The running answer's own deadline passes too; its model holds the slot regardless, so the waiting one times
        // out in the queue rather than being handed a slot in the same instant.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var model = new ScriptedChatClient(_ => "82 N·m [1].") { Gate = new TaskCompletionSource(), HoldsThroughCancellation = true };
        using var server = new CorpusServer { Time = time, Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        using var client = await server.ReadyClientAsync();
        var scheduler = server.Services.GetRequiredService<AnswerOrchestrator>().Scheduler;
        var held = CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" });
        await Until.Signalled(() => scheduler.Running == 1, h => scheduler.Changed += h, h => scheduler.Changed -= h, "one answer holding the model");
        var waiting = CorpusServer.PostJson(client, "/api/ask", new { question = "E-205 报警怎么处理？" });
        await Until.Signalled(() => scheduler.Waiting == 1, h => scheduler.Changed += h, h => scheduler.Changed -= h, "a second answer waiting");

        time.Advance(TimeSpan.FromSeconds(new GenerationOptions().RequestTimeoutSeconds + 1));
        var response = await waiting;
        model.Gate.SetResult();
        await held;

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("quote", body.GetProperty("mode").GetString());
        Assert.Contains("秒内一直繁忙", body.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_400ProblemDetails(string question)
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/ask", new { question });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("A question is required.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
