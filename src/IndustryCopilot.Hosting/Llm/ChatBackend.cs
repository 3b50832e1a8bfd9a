using IndustryCopilot.Core.Answering.Generation;
using Microsoft.SemanticKernel.ChatCompletion;

namespace IndustryCopilot.Hosting.Llm;

/// <summary>A model ready to answer: SK's chat completion service over it, its tokenizer, its context window and name.</summary>
public sealed class ChatBackend(IChatCompletionService chat, ITokenCounter tokens, int contextSize, string modelName, IDisposable? owned = null) : IDisposable
{
    public IChatCompletionService Chat { get; } = chat;

    public ITokenCounter Tokens { get; } = tokens;

    /// <summary>Tokens of prompt plus answer the model accepts.</summary>
    public int ContextSize { get; } = contextSize;

    public string ModelName { get; } = modelName;

    public void Dispose() => owned?.Dispose();
}
