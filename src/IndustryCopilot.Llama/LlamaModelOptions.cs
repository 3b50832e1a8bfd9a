using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Llama;

/// <summary>The local GGUF model run in-process by llama.cpp (configuration section <c>Llm:LlamaSharp</c>).</summary>
public sealed class LlamaModelOptions : IValidatedOptions
{
    public const string Section = "Llm:LlamaSharp";

    /// <summary>Path of the GGUF model file. Required when <c>Llm:Provider</c> is <c>LlamaSharp</c>.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Context window in tokens (prompt + answer) for each request. Default 4096.</summary>
    public int ContextSize { get; set; } = 4096;

    /// <summary>Layers offloaded to the GPU (CUDA build only; 0 on the CPU build). Default 0.</summary>
    public int GpuLayers { get; set; }

    /// <summary>CPU threads per request; 0 lets llama.cpp choose (the number of physical cores). Default 0.</summary>
    public int Threads { get; set; }

    /// <summary>Tokens evaluated per decode call while reading the prompt. Default 512.</summary>
    public int BatchSize { get; set; } = 512;

    public IEnumerable<string> Problems()
    {
        if (ContextSize is < 256 or > 262_144)
        {
            yield return $"{Section}:ContextSize must be between 256 and 262144 tokens (was {ContextSize})";
        }

        if (GpuLayers < 0 || Threads < 0 || BatchSize is < 1 or > 65_536)
        {
            yield return $"{Section}: GpuLayers and Threads must be ≥ 0 and BatchSize 1–65536";
        }
    }
}
