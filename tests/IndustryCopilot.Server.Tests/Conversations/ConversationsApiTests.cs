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
    public async Task Ask_FollowUpAfterRestart_ModelGetsTheKeptConversation()
    {
        var data = Directory.CreateTempSubdirectory("icp-restart-").FullName;
        try
        {
            string key;
            using (var before = new CorpusServer { Anonymous = false })
            {
                key = before.AddKey("li.wei", ApiKeyRole.Reader);
                using var client = await before.ReadyClientAsync(key);
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/ask", new { question = "What is the oil change interval of the AC-37 compressor?", conversationId = "c-1" })).StatusCode);
                // The server's own copy of its data directory, taken with the store's write-ahead log, as a restart would find it.
                foreach (var file in Directory.GetFiles(before.DataDirectory).Where(f => Path.GetFileName(f).StartsWith("conversations.db", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("keys.db", StringComparison.Ordinal)))
                {
                    File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
                }
            }

            var model = new Hosting.Tests.Fixtures.ScriptedChatClient(_ => "What is the AC-37 compressor's oil filter change interval?");
            using var after = new CorpusServer { Anonymous = false, DataDirectory = data, Model = Hosting.Llm.ChatBackends.FromChatClient(model, Core.Answering.Generation.ApproximateTokenCounter.Instance, 8192, "scripted") };
            using var restarted = await after.ReadyClientAsync(key);
            await restarted.PostAsJsonAsync("/api/ask", new { question = "And its filter?", conversationId = "c-1" });

            // The first model call rewrites the follow-up with the conversation read back from the store.
            var first = string.Join("\n", model.Calls.First().Messages.Select(m => m.Text));
            Assert.Contains("What is the oil change interval of the AC-37 compressor?", first, StringComparison.Ordinal);
            Assert.Equal(2, JsonDocument.Parse(await restarted.GetStringAsync("/api/conversations/c-1")).RootElement.GetProperty("turns").GetArrayLength());
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
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
