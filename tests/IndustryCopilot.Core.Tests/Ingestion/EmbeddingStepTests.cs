using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Ingestion;

public sealed class EmbeddingStepTests
{
    private static Task<IngestionReport> RunAsync(SqliteIndex index, TextEmbedder? embedder, string path) =>
        new IngestionPipeline(index, ReaderRegistry.Default(new IngestionOptions()), new StructuredChunker(new ChunkingOptions()), new IngestionOptions(), TimeProvider.System, embedder)
            .RunAsync(new IngestionRequest { Paths = [path] }, null, CancellationToken.None);

    [Fact]
    public async Task Run_EnglishAndChineseFiles_OnlyLanguagesTheModelKnowsGetVectors()
    {
        using var dir = new TempDirectory();
        var docs = Directory.CreateDirectory(dir.Sub("docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "en.md"), "# Pump manual\n\n## 1 Start\n\nOpen the suction valve before starting the pump.\n");
        File.WriteAllText(Path.Combine(docs, "zh.md"), "# 泵操作规程\n\n## 1 启动\n\n启动泵之前应当打开进口阀门。\n");
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Sub("data") });
        var embedder = WordHashEmbedder.Create();

        await RunAsync(index, embedder, docs);

        var vectors = index.LoadVectors(embedder.ModelKey, embedder.Dimension);
        var english = index.ListDocuments().Single(d => d.Language == DocumentLanguage.En);
        Assert.NotEqual(0, vectors.Count);
        Assert.All(vectors.DocumentIds, id => Assert.Equal(english.Id, id));
        Assert.All(index.ListDocuments(), d => Assert.Equal(embedder.ModelKey, index.FindBySource(d.SourcePath)!.EmbeddingModel));
    }

    [Fact]
    public async Task Run_IndexedWithoutModelThenWithModel_EmbedsWithoutRereading()
    {
        using var dir = new TempDirectory();
        var file = dir.File("pump.md", "# Pump manual\n\n## 1 Start\n\nOpen the suction valve before starting the pump.\n");
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Sub("data") });
        var embedder = WordHashEmbedder.Create();

        await RunAsync(index, null, file);
        var second = await RunAsync(index, embedder, file);
        var third = await RunAsync(index, embedder, file);

        Assert.Equal(FileOutcomeKind.Indexed, second.Files.Single().Kind);
        Assert.Equal(0, second.DocumentsChunked);
        Assert.Equal(FileOutcomeKind.Unchanged, third.Files.Single().Kind);
        Assert.Equal(EmbeddingStatus.Matches, index.CheckEmbedding(embedder.ModelId, embedder.Dimension));
    }

    [Fact]
    public async Task Run_AnotherModelConfigured_VectorsReplacedNeverMixed()
    {
        using var dir = new TempDirectory();
        var file = dir.File("pump.md", "# Pump manual\n\n## 1 Start\n\nOpen the suction valve before starting the pump.\n");
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Sub("data") });
        var first = WordHashEmbedder.Create();
        var other = new TextEmbedder(new WordHashEmbedder(), "other-model", WordHashEmbedder.Dimension, [DocumentLanguage.En]);

        await RunAsync(index, first, file);
        await RunAsync(index, other, file);

        Assert.Equal(EmbeddingStatus.Matches, index.CheckEmbedding("other-model", WordHashEmbedder.Dimension));
        Assert.Equal(0, index.LoadVectors(first.ModelKey, first.Dimension).Count);
        Assert.NotEqual(0, index.LoadVectors(other.ModelKey, other.Dimension).Count);
    }
}
