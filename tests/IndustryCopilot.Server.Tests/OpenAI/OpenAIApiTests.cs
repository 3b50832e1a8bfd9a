using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using OpenAI;
using OpenAI.Chat;

namespace IndustryCopilot.Server.Tests.OpenAI;

/// <summary>The official OpenAI .NET SDK, pointed at the server, works unchanged — streaming included.</summary>
public sealed class OpenAIApiTests
{
    private static ChatClient Client(CorpusServer server, string key)
    {
        var http = server.CreateClient();
        return new ChatClient("industrycopilot", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(http.BaseAddress!, "/v1"), Transport = new HttpClientPipelineTransport(http) });
    }

    private static async Task<string> Key(CorpusServer server)
    {
        (await server.ReadyClientAsync()).Dispose();
        return LocalKeys.Add(server.DataDirectory, "chat-tool", ApiKeyRole.Reader, ["production"]).Key;
    }

    [Fact]
    public async Task CompleteChat_OfficialSdk_AnswerWithSourcesAppended()
    {
        using var server = new CorpusServer { Anonymous = false };
        var client = Client(server, await Key(server));

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("M12 螺栓的拧紧力矩是多少？")]);

        var text = completion.Content[0].Text;
        Assert.Contains("| M12 | 8.8 | 82 | ±8% |", text, StringComparison.Ordinal);
        Assert.Contains("来源：\n[1] ", text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
    }

    [Fact]
    public async Task CompleteChatStreaming_OfficialSdk_SameAnswerInChunks()
    {
        using var server = new CorpusServer { Anonymous = false, Settings = AnswerSettings.Answering() };
        var client = Client(server, await Key(server));
        var text = new StringBuilder();
        ChatFinishReason? finish = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("What is the oil change interval of the AC-37 compressor?")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
        }

        Assert.StartsWith("From the indexed documents:", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("Sources:\n[1] AC-37", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    [Fact]
    public async Task CompleteChat_FollowUpInMessages_RewrittenWithTheEarlierTurns()
    {
        var model = new ScriptedChatClient(m => m[1].Text.Contains("追问", StringComparison.Ordinal) ? "M16 螺栓的拧紧力矩是多少？" : "M16 螺栓 8.8 级的拧紧力矩为 200 N·m。[1]");
        using var server = new CorpusServer { Anonymous = false, Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        var client = Client(server, await Key(server));

        ChatCompletion completion = await client.CompleteChatAsync(
            [new UserChatMessage("M12 螺栓的拧紧力矩是多少？"), new AssistantChatMessage("M12 为 82 N·m。"), new UserChatMessage("M16 呢？")]);

        Assert.StartsWith("M16 螺栓 8.8 级的拧紧力矩为 200 N·m。[1]", completion.Content[0].Text, StringComparison.Ordinal);
        Assert.Contains("用户：M12 螺栓的拧紧力矩是多少？", model.Calls.First().Messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteChat_WrongKey_Unauthorized()
    {
        using var server = new CorpusServer { Anonymous = false };
        await Key(server);
        var client = Client(server, "icp_" + new string('1', 64));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("pump")]));

        Assert.Equal(401, error.Status);
    }
}
