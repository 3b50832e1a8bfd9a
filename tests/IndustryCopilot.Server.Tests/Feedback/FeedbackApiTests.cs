using System.Net;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Feedback;

public sealed class FeedbackApiTests
{
    [Fact]
    public async Task Feedback_OwnAnswer_LatestRatingInQaExport()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var client = await server.ReadyClientAsync(server.AddKey("lead", ApiKeyRole.Editor));
        var answer = JsonDocument.Parse(await (await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" })).Content.ReadAsStringAsync()).RootElement;
        var answerId = answer.GetProperty("answerId").GetString();

        var down = await CorpusServer.PostJson(client, "/api/feedback", new { answerId, rating = "down" });
        var up = await CorpusServer.PostJson(client, "/api/feedback", new { answerId, rating = "up", comment = "正确，表2第4行" });
        var export = await client.GetAsync("/api/export/qa.jsonl");

        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType!.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(answerId, line.GetProperty("answerId").GetString());
        Assert.Equal("M12 螺栓的拧紧力矩是多少？", line.GetProperty("question").GetString());
        Assert.Equal("up", line.GetProperty("rating").GetString());
        Assert.Equal("正确，表2第4行", line.GetProperty("comment").GetString());
        var citation = line.GetProperty("citations")[0];
        Assert.Equal(64, citation.GetProperty("documentHash").GetString()!.Length);
        Assert.True(line.GetProperty("revisions").TryGetProperty(citation.GetProperty("documentId").GetString()!, out _));
    }

    [Fact]
    public async Task Feedback_AnotherKeysAnswerOrBadRating_RefusedAndExportNeedsEditor()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var alice = await server.ReadyClientAsync(server.AddKey("alice", ApiKeyRole.Reader));
        using var bob = await server.ReadyClientAsync(server.AddKey("bob", ApiKeyRole.Reader));
        var answerId = JsonDocument.Parse(await (await CorpusServer.PostJson(alice, "/api/ask", new { question = "What is the oil change interval of the AC-37 compressor?" })).Content.ReadAsStringAsync()).RootElement.GetProperty("answerId").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await CorpusServer.PostJson(bob, "/api/feedback", new { answerId, rating = "down" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CorpusServer.PostJson(alice, "/api/feedback", new { answerId, rating = "meh" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/export/qa.jsonl")).StatusCode);
    }
}
