using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Hosting.Llm;

/// <summary>Which model answers and what happens without one (configuration section <c>Llm</c>; generation limits are <see cref="Core.Answering.Generation.GenerationOptions"/>, in the same section).</summary>
public sealed class LlmOptions : IValidatedOptions
{
    public const string Section = "Llm";

    /// <summary>Default <see cref="LlmProvider.None"/> (quote mode).</summary>
    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>
    /// When the model cannot be loaded or reached, or a request times out: answer in quote mode (true) or fail
    /// (false: startup stops on a bad model file). Default true.
    /// </summary>
    public bool FallbackToQuote { get; set; } = true;

    /// <summary>Folder of the prompt templates; empty = <c>prompts/</c> beside the program, else the nearest <c>prompts/</c> above the current folder.</summary>
    public string PromptsDirectory { get; set; } = "";

    public OpenAICompatibleOptions OpenAICompatible { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (Provider == LlmProvider.OpenAICompatible)
        {
            if (!Uri.TryCreate(OpenAICompatible.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"{Section}:OpenAICompatible:BaseUrl must be an http(s) URL (was '{OpenAICompatible.BaseUrl}')";
            }

            if (string.IsNullOrWhiteSpace(OpenAICompatible.Model) || OpenAICompatible.ContextSize < 512)
            {
                yield return $"{Section}:OpenAICompatible: Model is required and ContextSize must be ≥ 512";
            }
        }
    }
}
