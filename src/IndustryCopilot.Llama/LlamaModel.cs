using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Llama.Native;
using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Llama;

/// <summary>
/// A GGUF model loaded once per process: its weights are shared by every request, each of which runs in its own
/// llama context (see <see cref="LlamaChatClient"/>). Load failures name the file and llama.cpp's reason.
/// </summary>
public sealed class LlamaModel : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly ModelParams _parameters;

    private LlamaModel(LLamaWeights weights, ModelParams parameters, LlamaModelOptions options)
    {
        _weights = weights;
        _parameters = parameters;
        ContextSize = options.ContextSize;
        ModelPath = options.ModelPath;
        Name = weights.Metadata.TryGetValue("general.name", out var name) && name.Length > 0 ? name : Path.GetFileNameWithoutExtension(options.ModelPath);
        TokenCounter = new LlamaTokenCounter(weights);
    }

    public string ModelPath { get; }

    /// <summary>The model's <c>general.name</c>, else the file name.</summary>
    public string Name { get; }

    /// <summary>Tokens per request context (prompt + answer).</summary>
    public int ContextSize { get; }

    public ITokenCounter TokenCounter { get; }

    /// <summary>Loads the model, or throws <see cref="ModelLoadException"/> with the file and the reason.</summary>
    public static LlamaModel Load(LlamaModelOptions options)
    {
        options.Validate();
        var path = options.ModelPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ModelLoadException("(none)", $"{LlamaModelOptions.Section}:ModelPath is not set");
        }

        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, "the file does not exist");
        }

        NativeLog.Install();
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)options.ContextSize,
            GpuLayerCount = options.GpuLayers,
            BatchSize = (uint)options.BatchSize,
            Threads = options.Threads > 0 ? options.Threads : null,
        };

        var mark = NativeLog.Mark();
        try
        {
            var weights = LLamaWeights.LoadFromFile(parameters);
            return new LlamaModel(weights, parameters, new LlamaModelOptions { ModelPath = path, ContextSize = options.ContextSize });
        }
        catch (LoadWeightsFailedException e)
        {
            var reasons = NativeLog.ErrorsSince(mark);
            throw new ModelLoadException(path, reasons.Count > 0 ? string.Join("; ", reasons) : "llama.cpp gave no reason (is it a GGUF model file?)", e);
        }
        catch (RuntimeError e)
        {
            throw new ModelLoadException(path, "the llama.cpp native library could not be loaded: " + e.Message, e);
        }
    }

    /// <summary>
    /// A chat client over this model, safe to share between concurrent callers. <paramref name="logitBias"/> is added
    /// to the sampler (tests forbid end-of-turn tokens on a random model); <paramref name="promptObserver"/> sees the
    /// exact prompt text after the model's chat template is applied.
    /// </summary>
    public IChatClient CreateChatClient(IReadOnlyDictionary<int, float>? logitBias = null, Action<string>? promptObserver = null) =>
        new LlamaChatClient(_weights, _parameters, Name, logitBias?.ToDictionary(p => (LLamaToken)p.Key, p => p.Value), promptObserver);

    /// <summary>Token ids that end a turn (end-of-sequence, end-of-turn), for tests that need a fixed number of tokens.</summary>
    public IReadOnlyList<int> EndOfGenerationTokens() =>
        [.. new[] { _weights.Vocab.EOS, _weights.Vocab.EOT }.Where(t => t.HasValue).Select(t => (int)t!.Value).Distinct()];

    public void Dispose() => _weights.Dispose();
}
