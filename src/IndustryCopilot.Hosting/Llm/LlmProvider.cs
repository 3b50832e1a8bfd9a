namespace IndustryCopilot.Hosting.Llm;

/// <summary>Who writes generated answers.</summary>
public enum LlmProvider
{
    /// <summary>No model: quote-mode answers (verbatim cited passages).</summary>
    None,

    /// <summary>A GGUF model run in this process by llama.cpp (<c>Llm:LlamaSharp</c>).</summary>
    LlamaSharp,

    /// <summary>An OpenAI-compatible server on the plant network (vLLM, llama.cpp server, Xinference…; <c>Llm:OpenAICompatible</c>).</summary>
    OpenAICompatible,
}
