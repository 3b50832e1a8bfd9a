namespace IndustryCopilot.Hosting.Llm;

/// <summary>A generation server speaking the OpenAI chat completions API (configuration section <c>Llm:OpenAICompatible</c>).</summary>
public sealed class OpenAICompatibleOptions
{
    /// <summary>Base URL up to and including the version, e.g. <c>http://gpu-01:8000/v1</c>.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Model name the server expects.</summary>
    public string Model { get; set; } = "";

    /// <summary>API key, if the server wants one (better set via the <c>ICP_Llm__OpenAICompatible__ApiKey</c> environment variable).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The served model's context window in tokens (counted approximately here). Default 8192.</summary>
    public int ContextSize { get; set; } = 8192;
}
