using System.ClientModel;
using System.ClientModel.Primitives;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace IndustryCopilot.Hosting.Llm;

/// <summary>Creates the configured <see cref="ChatBackend"/>: the local GGUF model, an OpenAI-compatible server, or none.</summary>
public static partial class ChatBackends
{
    /// <summary>
    /// The backend for <see cref="LlmOptions.Provider"/>, or null for quote mode. A model that cannot be loaded is
    /// logged as a warning on <paramref name="logger"/> and gives null when <see cref="LlmOptions.FallbackToQuote"/> is
    /// set; otherwise its <see cref="ModelLoadException"/> (file and llama.cpp's reason) stops the start.
    /// </summary>
    public static ChatBackend? Create(LlmOptions llm, LlamaModelOptions llama, ILogger? logger = null, Action<string>? promptObserver = null)
    {
        llm.Validate();
        switch (llm.Provider)
        {
            case LlmProvider.LlamaSharp:
                try
                {
                    return FromLlama(LlamaModel.Load(llama), promptObserver: promptObserver);
                }
                catch (ModelLoadException e) when (llm.FallbackToQuote)
                {
                    if (logger is not null)
                    {
                        ModelNotLoaded(logger, e.Message);
                    }

                    return null;
                }

            case LlmProvider.OpenAICompatible:
                var remote = llm.OpenAICompatible;
                // Request time is bounded by the scheduler's per-request timeout, not the HTTP client's 100 s default.
                var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                var client = new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrEmpty(remote.ApiKey) ? "none" : remote.ApiKey),
                    new OpenAIClientOptions { Endpoint = new Uri(remote.BaseUrl), Transport = new HttpClientPipelineTransport(http) });
                return new ChatBackend(new OpenAIChatCompletionService(remote.Model, client), ApproximateTokenCounter.Instance, remote.ContextSize, remote.Model, http);

            default:
                return null;
        }
    }

    /// <summary>The local model as a backend; disposing the backend disposes the model when <paramref name="ownsModel"/>.</summary>
    public static ChatBackend FromLlama(LlamaModel model, IReadOnlyDictionary<int, float>? logitBias = null, Action<string>? promptObserver = null, bool ownsModel = true) =>
        new(model.CreateChatClient(logitBias, promptObserver).AsChatCompletionService(), model.TokenCounter, model.ContextSize, model.Name, ownsModel ? model : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason} — answering in quote mode (Llm:FallbackToQuote)")]
    private static partial void ModelNotLoaded(ILogger logger, string reason);

    /// <summary>Any <see cref="IChatClient"/> as a backend (tests script one).</summary>
    public static ChatBackend FromChatClient(IChatClient client, ITokenCounter tokens, int contextSize, string name) =>
        new(client.AsChatCompletionService(), tokens, contextSize, name, client);
}
