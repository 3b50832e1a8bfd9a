using IndustryCopilot.Llama.Tests.Fixtures;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Llama.Tests;

public sealed class LlamaModelTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.System, "Answer from the sources."), new(ChatRole.User, "M12 螺栓的拧紧力矩是多少？")];

    [Fact]
    public void Load_TinyModel_NameContextAndOwnTokenizer()
    {
        Assert.Equal("icp-tiny-test", tiny.Model.Name);
        Assert.Equal(TinyModel.ContextSize, tiny.Model.ContextSize);
        // Byte-fallback vocabulary: each UTF-8 byte is a token, a special token is one.
        Assert.Equal(6, tiny.Model.TokenCounter.Count("螺栓"));
        Assert.Equal(1, tiny.Model.TokenCounter.Count("<|im_start|>"));
        Assert.Contains(TinyGguf.Eos, tiny.Model.EndOfGenerationTokens());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ChatMlTemplateApplied_StreamsExactlyMaxTokens()
    {
        string? prompt = null;
        using var client = tiny.Model.CreateChatClient(TinyModel.NoEndOfTurn, p => prompt = p);

        var updates = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(Messages, new ChatOptions { MaxOutputTokens = 40, Temperature = 0 }))
        {
            updates.Add(update.Text);
        }

        Assert.Equal(40, updates.Count);
        Assert.Equal("<|im_start|>system\nAnswer from the sources.<|im_end|>\n<|im_start|>user\nM12 螺栓的拧紧力矩是多少？<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CancelledMidStream_StopsAndThrows()
    {
        using var client = tiny.Model.CreateChatClient(TinyModel.NoEndOfTurn);
        using var cancel = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Messages, new ChatOptions { MaxOutputTokens = 100_000 }, cancel.Token))
            {
                if (++received == 5)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.InRange(received, 5, 6);
    }

    [Fact]
    public async Task GetResponseAsync_EightConcurrentCallsOnOneSharedClient_AllComplete()
    {
        // Each call runs in its own executor and context over the shared weights; one executor shared would crash.
        using var client = tiny.Model.CreateChatClient(TinyModel.NoEndOfTurn);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.GetResponseAsync(Messages, new ChatOptions { MaxOutputTokens = 64 }))));

        Assert.All(responses, r => Assert.False(string.IsNullOrEmpty(r.Text)));
    }

    [Fact]
    public void Load_MissingFile_ErrorNamesTheFile()
    {
        var path = tiny.File("absent.gguf");

        var error = Assert.Throws<ModelLoadException>(() => LlamaModel.Load(new LlamaModelOptions { ModelPath = path }));

        Assert.Equal(path, error.ModelPath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_ErrorCarriesLlamaCppReason()
    {
        var path = tiny.File("truncated.gguf");
        File.WriteAllBytes(path, File.ReadAllBytes(tiny.Path)[..5000]);

        var error = Assert.Throws<ModelLoadException>(() => LlamaModel.Load(new LlamaModelOptions { ModelPath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("failed to read", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_NotAGgufFile_ErrorCarriesLlamaCppReason()
    {
        var path = tiny.File("notes.gguf");
        File.WriteAllText(path, "These are maintenance notes, not a model. " + new string('x', 4000));

        var error = Assert.Throws<ModelLoadException>(() => LlamaModel.Load(new LlamaModelOptions { ModelPath = path }));

        Assert.NotEqual("llama.cpp gave no reason (is it a GGUF model file?)", error.Reason);
        Assert.Contains("magic", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_TensorDataCutShort_ErrorCarriesLlamaCppReason()
    {
        var path = tiny.File("short-data.gguf");
        var bytes = File.ReadAllBytes(tiny.Path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 4096)]);

        var error = Assert.Throws<ModelLoadException>(() => LlamaModel.Load(new LlamaModelOptions { ModelPath = path }));

        Assert.NotEqual("llama.cpp gave no reason (is it a GGUF model file?)", error.Reason);
    }

    [Fact]
    public void Problems_ContextTooSmall_NamesTheSetting() =>
        Assert.StartsWith($"{LlamaModelOptions.Section}:ContextSize", Assert.Single(new LlamaModelOptions { ContextSize = 16 }.Problems()), StringComparison.Ordinal);
}
