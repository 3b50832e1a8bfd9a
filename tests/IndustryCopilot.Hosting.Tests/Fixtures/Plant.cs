using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>A small plant knowledge base (English manual, Chinese law, bilingual torque table) and orchestrators over it.</summary>
internal sealed class Plant : IDisposable
{
    public RetrievalIndex Index { get; } = SamplePlant.Create();

    public static PromptLibrary Prompts { get; } = PromptLibrary.Load();

    public AnswerOrchestrator Orchestrator(IChatClient? model, GenerationOptions? options = null, bool fallbackToQuote = true, int contextSize = 4096) =>
        new(Index.Retriever, new AnsweringOptions(), options ?? new GenerationOptions(), model is null ? null : ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, contextSize, "scripted"), Prompts, fallbackToQuote);

    public AnswerOrchestrator Orchestrator(ChatBackend backend, GenerationOptions options) =>
        new(Index.Retriever, new AnsweringOptions(), options, backend, Prompts);

    public Chunk? Chunk(string id) => Index.Index.GetChunks(id[..id.IndexOf('#', StringComparison.Ordinal)]).FirstOrDefault(c => c.Id == id);

    public void Dispose() => Index.Dispose();
}
