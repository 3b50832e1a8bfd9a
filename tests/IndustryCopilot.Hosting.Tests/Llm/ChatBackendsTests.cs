using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Llama;
using IndustryCopilot.Llama.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace IndustryCopilot.Hosting.Tests.Llm;

public sealed class ChatBackendsTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    [Fact]
    public void Create_ProviderNone_NoBackend() =>
        Assert.Null(ChatBackends.Create(new LlmOptions(), new LlamaModelOptions()));

    [Fact]
    public void Create_LlamaSharpWithTinyModel_BackendNamedAfterModel()
    {
        using var backend = ChatBackends.Create(new LlmOptions { Provider = LlmProvider.LlamaSharp }, new LlamaModelOptions { ModelPath = tiny.Path, ContextSize = 2048 });

        Assert.Equal("icp-tiny-test", backend!.ModelName);
        Assert.Equal(2048, backend.ContextSize);
    }

    [Fact]
    public void Create_CorruptModelWithFallback_WarnsNamingFileAndReasonThenQuoteMode()
    {
        var path = tiny.File("corrupt-fallback.gguf");
        File.WriteAllBytes(path, File.ReadAllBytes(tiny.Path)[..3000]);
        var logger = new FakeLogger();

        var backend = ChatBackends.Create(new LlmOptions { Provider = LlmProvider.LlamaSharp, FallbackToQuote = true }, new LlamaModelOptions { ModelPath = path }, logger);

        Assert.Null(backend);
        var warning = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
        Assert.Contains("quote mode", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CorruptModelWithoutFallback_StartupError()
    {
        var path = tiny.File("corrupt-strict.gguf");
        File.WriteAllBytes(path, File.ReadAllBytes(tiny.Path)[..3000]);

        var error = Assert.Throws<ModelLoadException>(() => ChatBackends.Create(new LlmOptions { Provider = LlmProvider.LlamaSharp, FallbackToQuote = false }, new LlamaModelOptions { ModelPath = path }));

        Assert.Equal(path, error.ModelPath);
    }

    [Theory]
    [InlineData("", "qwen")]
    [InlineData("ftp://gpu-01/v1", "qwen")]
    [InlineData("http://gpu-01:8000/v1", "")]
    public void Problems_OpenAICompatibleIncomplete_Reported(string url, string model) =>
        Assert.Single(new LlmOptions { Provider = LlmProvider.OpenAICompatible, OpenAICompatible = new() { BaseUrl = url, Model = model } }.Problems());
}
