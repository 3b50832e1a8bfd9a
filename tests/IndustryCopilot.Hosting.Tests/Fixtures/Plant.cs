using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>A small plant knowledge base (English manual, Chinese law, bilingual torque table) and orchestrators over it.</summary>
internal sealed class Plant(Core.Retrieval.Translation.QueryTranslator? translator = null) : IDisposable
{
    public RetrievalIndex Index { get; } = SamplePlant.Create(translator);

    public static PromptLibrary Prompts { get; } = PromptLibrary.Load();

    /// <summary>The orchestrators' clock: request time limits and conversation expiry move only when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = new();

    public AnswerOrchestrator Orchestrator(IChatClient? model, GenerationOptions? options = null, bool fallbackToQuote = true, int contextSize = 4096) =>
        new(Index.Retriever, new AnsweringOptions(), options ?? new GenerationOptions(), model is null ? null : ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, contextSize, "scripted"), Prompts, fallbackToQuote, Time);

    public AnswerOrchestrator Orchestrator(ChatBackend backend, GenerationOptions options) =>
        new(Index.Retriever, new AnsweringOptions(), options, backend, Prompts, time: Time);

    public Chunk? Chunk(string id) => Index.Index.GetChunks(id[..id.IndexOf('#', StringComparison.Ordinal)]).FirstOrDefault(c => c.Id == id);

    public void Dispose() => Index.Dispose();
}
