using System.Runtime.CompilerServices;
using LLama;
using LLama.Abstractions;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;
using LLama.Transformers;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Llama;

/// <summary>
/// The local model as an <see cref="IChatClient"/>. One LLamaSharp executor (or its chat client) crashes the process
/// when two calls overlap, while separate executors over the same weights run side by side; so every call gets its
/// own <see cref="StatelessExecutor"/> (and with it its own llama context), and this client is safe to share.
/// How many calls run at once is the scheduler's business (each context holds its own KV cache).
/// </summary>
internal sealed class LlamaChatClient(LLamaWeights weights, ModelParams parameters, string modelId, IReadOnlyDictionary<LLamaToken, float>? logitBias, Action<string>? promptObserver) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("llama.cpp", defaultModelId: modelId);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Inner().GetResponseAsync(messages, WithSampling(options), cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in Inner().GetStreamingResponseAsync(messages, WithSampling(options), cancellationToken).ConfigureAwait(false))
        {
            update.ModelId ??= modelId;
            yield return update;
        }

        // The executor stops quietly when cancelled; surface it so a cancelled answer is never taken as complete.
        cancellationToken.ThrowIfCancellationRequested();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : null;

    public void Dispose()
    {
        // The weights belong to LlamaModel; executors are per call.
    }

    private IChatClient Inner() =>
        new StatelessExecutor(weights, parameters).AsChatClient(new ObservingHistoryTransform(new PromptTemplateTransformer(weights, withAssistant: true), promptObserver), new PassThroughTextTransform());

    private ChatOptions WithSampling(ChatOptions? options)
    {
        var copy = options?.Clone() ?? new ChatOptions();
        if (logitBias is { Count: > 0 })
        {
            // LogitBias can only be set when the pipeline is created; LLamaSharp copies it from the raw parameters.
            copy.RawRepresentationFactory = _ => new InferenceParams { SamplingPipeline = new DefaultSamplingPipeline { LogitBias = logitBias } };
        }

        return copy;
    }
}
