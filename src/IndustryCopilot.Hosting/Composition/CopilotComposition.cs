using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Ocr;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Llama;
using IndustryCopilot.Onnx.Embeddings;
using IndustryCopilot.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IndustryCopilot.Hosting.Composition;

/// <summary>
/// The one composition of the product that the server and the CLI share: every options section bound and checked at
/// start, the host's clock, the environment that builds the index, pipeline, retriever and answer flow, and the stores
/// of the configured provider.
/// </summary>
public static class CopilotComposition
{
    public static IServiceCollection AddCopilotCore(this IServiceCollection services, IConfiguration configuration, string? dataDirFlag = null) =>
        services.AddCopilotCore(configuration, CopilotLayout.Read(configuration, dataDirFlag));

    /// <summary>The composition over a <paramref name="layout"/> the caller has read already (the server decides its own services with it).</summary>
    public static IServiceCollection AddCopilotCore(this IServiceCollection services, IConfiguration configuration, CopilotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(layout);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(layout);
        services.AddValidatedOptions<IndexOptions>(configuration, IndexOptions.Section).PostConfigure(o => o.DataDirectory = layout.DataDirectory);
        services.AddValidatedOptions<StoreOptions>(configuration, StoreOptions.Section);
        services.AddValidatedOptions<QdrantOptions>(configuration, QdrantOptions.Section, validate: layout.Index == IndexProvider.Qdrant);
        services.AddValidatedOptions<IngestionOptions>(configuration, IngestionOptions.Section);
        services.AddValidatedOptions<ChunkingOptions>(configuration, ChunkingOptions.Section);
        services.AddValidatedOptions<RetrievalOptions>(configuration, RetrievalOptions.Section);
        services.AddValidatedOptions<OnnxEmbeddingOptions>(configuration, OnnxEmbeddingOptions.Section);
        services.AddValidatedOptions<AnsweringOptions>(configuration, AnsweringOptions.Section);
        services.AddValidatedOptions<OcrOptions>(configuration, OcrOptions.Section);
        services.AddValidatedOptions<LlmOptions>(configuration, LlmOptions.Section);
        services.AddValidatedOptions<GenerationOptions>(configuration, GenerationOptions.Section);
        services.AddValidatedOptions<LlamaModelOptions>(configuration, LlamaModelOptions.Section);

        services.AddSingleton(sp => new CopilotEnvironment(configuration, sp));
        services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().OpenIndex());
        services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().OpenKeys());
        services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().OpenAudit());
        services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().OpenConversations());
        if (layout.Store == StoreProvider.Postgres)
        {
            services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().SharedStore()!);
        }

        if (layout.Index == IndexProvider.Qdrant)
        {
            // One Qdrant index (one gRPC channel) per process, for searches and the sync.
            services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().QdrantIndex());
        }

        return services;
    }

    /// <summary>The CLI's container: the same composition as the server's, checked at once (every problem reported together).</summary>
    public static ServiceProvider BuildCopilot(IConfiguration configuration, string? dataDirFlag)
    {
        var provider = new ServiceCollection().AddCopilotCore(configuration, dataDirFlag).BuildServiceProvider();
        provider.ValidateOptions();
        return provider;
    }
}
