using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Llama;

namespace IndustryCopilot.Hosting.Tests.Llm;

public sealed class OpenAICompatibleTests
{
    [Fact]
    public async Task AskAsync_OpenAICompatibleServer_StreamedThroughKernelAndVerified()
    {
        using var server = new FakeOpenAIServer("Change the compressor oil every 2000 operating hours [1].");
        var options = new LlmOptions { Provider = LlmProvider.OpenAICompatible, OpenAICompatible = new() { BaseUrl = server.BaseUrl, Model = "qwen2.5-14b-instruct", ApiKey = "plant-key" } };
        using var backend = ChatBackends.Create(options, new LlamaModelOptions());
        using var plant = new Plant();
        using var orchestrator = plant.Orchestrator(backend!, new GenerationOptions { MaxAnswerTokens = 300 });

        var answer = Assert.IsType<AnswerCompleted>(await orchestrator.AskAsync(new AskRequest("How often should the compressor oil be changed?"))).Answer;

        Assert.Equal(AnswerMode.Generated, answer.Mode);
        Assert.Equal("Change the compressor oil every 2000 operating hours. [1]", answer.Text);
        Assert.Equal("qwen2.5-14b-instruct", answer.Model);
        var (path, body, authorization) = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer plant-key", authorization);
        Assert.Equal("qwen2.5-14b-instruct", body.RootElement.GetProperty("model").GetString());
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        var maxTokens = body.RootElement.TryGetProperty("max_completion_tokens", out var m) ? m : body.RootElement.GetProperty("max_tokens");
        Assert.Equal(300, maxTokens.GetInt32());
        Assert.Equal(0.1, body.RootElement.GetProperty("temperature").GetDouble(), 3);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains("[1] Air compressor maintenance", messages[1].GetProperty("content").ToString(), StringComparison.Ordinal);
    }
}
