using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Core.Tests.Fixtures;
using Microsoft.Extensions.Configuration;

namespace IndustryCopilot.Hosting.Tests;

public sealed class CopilotEnvironmentTests
{
    [Fact]
    public void FromConfiguration_QdrantProviderWithBadUrl_RefusedAtStartNamingTheSetting()
    {
        var configuration = Configuration(("Index:Provider", "qdrant"), ("Qdrant:Url", "qdrant:6334"));

        var error = Assert.Throws<InvalidOptionsException>(() => CopilotEnvironment.FromConfiguration(configuration, "/tmp/icp-unused"));

        Assert.Contains("Qdrant:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_EmbeddedProvider_QdrantSettingsNotChecked()
    {
        var environment = CopilotEnvironment.FromConfiguration(Configuration(("Qdrant:Url", "not a url")), "/tmp/icp-unused");

        Assert.Equal(IndexProvider.Embedded, environment.Index.Provider);
    }

    [Fact]
    public void FromConfiguration_ModelFlag_SelectsLlamaSharpWithoutTouchingAnotherEnvironment()
    {
        var plain = CopilotEnvironment.FromConfiguration(Configuration(), "/tmp/icp-unused");
        var flagged = new ConfigurationBuilder().AddInMemoryCollection(CopilotEnvironment.ModelFlag("/models/qwen.gguf")).Build();

        var withModel = CopilotEnvironment.FromConfiguration(flagged, "/tmp/icp-unused");

        Assert.Equal(Hosting.Llm.LlmProvider.LlamaSharp, withModel.Llm.Provider);
        Assert.Equal("/models/qwen.gguf", withModel.LlamaModel.ModelPath);
        Assert.NotEqual(Hosting.Llm.LlmProvider.LlamaSharp, plain.Llm.Provider);
        Assert.NotEqual("/models/qwen.gguf", plain.LlamaModel.ModelPath);
    }

    [Fact]
    public void Retriever_QdrantProvider_LanesRunInQdrantUnlessEmbeddedAsked()
    {
        using var data = new TempDirectory();
        var environment = CopilotEnvironment.FromConfiguration(Configuration(("Index:Provider", "Qdrant"), ("Qdrant:Url", "http://qdrant.plant.local:6334"), ("Embeddings:Enabled", "false")), data.Path);
        using var index = environment.OpenIndex();

        Assert.Equal("qdrant", environment.Retriever(index).SearchIndex.Provider);
        Assert.Equal("embedded", environment.Retriever(index, embedded: true).SearchIndex.Provider);
        Assert.Equal("icp_chunks__lexical", environment.QdrantIndex().WriteCollection);
    }

    [Fact]
    public async Task SyncSearchIndex_QueryOnlyReplica_PushesNothingAndNeverCallsQdrant()
    {
        using var data = new TempDirectory();
        // Nothing listens on port 9: a sync that tried would fail with Unavailable.
        var environment = CopilotEnvironment.FromConfiguration(Configuration(("Index:Provider", "qdrant"), ("Qdrant:Url", "http://127.0.0.1:9"), ("Qdrant:Sync", "false"), ("Embeddings:Enabled", "false")), data.Path);
        using var index = environment.OpenIndex();

        Assert.Null(await environment.SyncSearchIndexAsync(index));
    }

    [Fact]
    public async Task SyncSearchIndex_PushingServerWithQdrantDown_FailsWithTheGrpcStatus()
    {
        using var data = new TempDirectory();
        var environment = CopilotEnvironment.FromConfiguration(Configuration(("Index:Provider", "qdrant"), ("Qdrant:Url", "http://127.0.0.1:9"), ("Qdrant:MaxRetries", "0"), ("Embeddings:Enabled", "false")), data.Path);
        using var index = environment.OpenIndex();

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => environment.SyncSearchIndexAsync(index));

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.StatusCode);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
