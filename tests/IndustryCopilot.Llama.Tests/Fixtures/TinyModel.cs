namespace IndustryCopilot.Llama.Tests.Fixtures;

/// <summary>A tiny random GGUF model written to a temporary folder and loaded once for a test class.</summary>
public sealed class TinyModel : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("icp-llama-").FullName;

    public TinyModel()
    {
        Path = System.IO.Path.Combine(_directory, "tiny.gguf");
        TinyGguf.Write(Path);
        Model = LlamaModel.Load(new LlamaModelOptions { ModelPath = Path, ContextSize = ContextSize });
    }

    /// <summary>
    /// Tokens per request context. The byte-level vocabulary spends a token per UTF-8 byte, so the answer prompt's
    /// fixed rules alone take about 1,800 tokens.
    /// </summary>
    public const int ContextSize = 4096;

    public string Path { get; }

    public LlamaModel Model { get; }

    /// <summary>Forbids the end-of-turn tokens, so a random model writes exactly as many tokens as it is allowed.</summary>
    public static IReadOnlyDictionary<int, float> NoEndOfTurn { get; } = new Dictionary<int, float> { [TinyGguf.Eos] = float.NegativeInfinity, [TinyGguf.ImEnd] = float.NegativeInfinity };

    /// <summary>A file next to the model, for broken variants of it.</summary>
    public string File(string name) => System.IO.Path.Combine(_directory, name);

    public void Dispose()
    {
        Model.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
