using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Conversations;

/// <summary>Kept conversations through the API: the owner lists, reopens (answers with sources), renames and deletes; nobody else sees them.</summary>
public sealed class ConversationsApiTests
{
    [Fact]
    public async Task Conversations_OwnerKeepsThem_OthersNeverSeeThem()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var owner = await server.ReadyClientAsync(server.AddKey("li.wei", ApiKeyRole.Reader));
        using var other = await server.ReadyClientAsync(server.AddKey("zhang", ApiKeyRole.Admin));
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/ask", new { question = "What is the oil change interval of the AC-37 compressor?", conversationId = "c-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/ask/stream", new { question = "M12 螺栓的拧紧力矩是多少？", conversationId = "c-1" })).StatusCode);

        var list = JsonDocument.Parse(await owner.GetStringAsync("/api/conversations")).RootElement;
        Assert.Equal("What is the oil change interval of the AC-37 compressor?", Assert.Single(list.EnumerateArray()).GetProperty("title").GetString());
        var reopened = JsonDocument.Parse(await owner.GetStringAsync("/api/conversations/c-1")).RootElement.GetProperty("turns");
        Assert.Equal(2, reopened.GetArrayLength());
        Assert.Contains("4,000", reopened[0].GetProperty("answer").GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, reopened[1].GetProperty("answer").GetProperty("citations").GetArrayLength());

        Assert.Equal("[]", await other.GetStringAsync("/api/conversations"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/conversations/c-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsJsonAsync("/api/conversations/c-1", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync("/api/conversations/c-1")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PatchAsJsonAsync("/api/conversations/c-1", new { title = "AC-37 and M12" })).StatusCode);
        Assert.Contains("AC-37 and M12", await owner.GetStringAsync("/api/conversations"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync("/api/conversations/c-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/conversations/c-1")).StatusCode);
    }

    [Fact]
    public async Task Ask_AnonymousLoopbackCaller_KeepsNothing()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/ask", new { question = "What is the oil change interval of the AC-37 compressor?", conversationId = "c-1" })).StatusCode);

        Assert.Equal("[]", await client.GetStringAsync("/api/conversations"));
    }
}
