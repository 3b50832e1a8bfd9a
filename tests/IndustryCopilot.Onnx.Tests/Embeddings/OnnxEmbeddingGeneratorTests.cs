using System.Numerics.Tensors;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Onnx.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace IndustryCopilot.Onnx.Tests.Embeddings;

/// <summary>The built-in all-MiniLM-L6-v2 through our own ONNX Runtime session (loaded once for the class).</summary>
public sealed class OnnxEmbeddingGeneratorTests : IClassFixture<OnnxEmbeddingGeneratorTests.Model>
{
    private readonly Model _model;

    public OnnxEmbeddingGeneratorTests(Model model) => _model = model;

    [Fact]
    public async Task EmbedAsync_BuiltInModel_384DimensionsUnitLength()
    {
        var vector = (await _model.Embedder.EmbedAsync(["Replace the intake filter every 500 hours."]))[0];

        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(vector), 3);
    }

    [Fact]
    public async Task EmbedAsync_RelatedSentences_CloserThanUnrelated()
    {
        var v = await _model.Embedder.EmbedAsync(["How do I lock out the machine before maintenance?", "Apply a padlock to the energy isolating device before servicing.", "The diesel price in Iowa rose last week."]);

        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.2f);
    }

    [Fact]
    public async Task EmbedAsync_BatchOfMixedLengths_SameVectorsAsOneByOne()
    {
        string[] texts = ["short", "a considerably longer sentence about spindle warm-up before machining at full speed", "medium length text here"];

        var batch = await _model.Embedder.EmbedAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await _model.Embedder.EmbedAsync([texts[i]]))[0];
            Assert.Equal(1.0, TensorPrimitives.Dot(batch[i], alone), 3);
        }
    }

    [Fact]
    public void BuiltInVocabulary_ChineseSentence_MostCharactersUnknown_SoTheModelIsDeclaredEnglishOnly()
    {
        var (_, vocab) = BuiltInModel.Load();
        using (vocab)
        {
            var tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true, IndividuallyTokenizeCjk = true });

            var tokens = tokenizer.EncodeToTokens("生产经营单位应当建立安全生产责任制", out _).Select(t => t.Value).ToList();

            Assert.True(tokens.Count(t => t == "[UNK]") > tokens.Count * 0.6, string.Join(" ", tokens));
        }

        Assert.False(_model.Embedder.Supports(DocumentLanguage.Zh));
        Assert.True(_model.Embedder.Supports(DocumentLanguage.En));
    }

    [Fact]
    public void GetService_Metadata_NamesModelAndDimension()
    {
        using var generator = new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions());

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("all-MiniLM-L6-v2", metadata!.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void Create_ModelPathMissing_ClearErrorNamingTheFile()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { ModelPath = "/nonexistent/bge-small-zh.onnx" }));

        Assert.Contains("/nonexistent/bge-small-zh.onnx", error.Message);
    }

    [Fact]
    public void Create_WrongDimensionConfigured_ErrorAtStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { Dimension = 512 }));

        Assert.Contains("384", error.Message);
    }

    [Fact]
    public void Create_ModelFileNotOnnx_ClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"icp-bad-{Guid.NewGuid():N}.onnx");
        var vocab = Path.ChangeExtension(path, ".txt");
        File.WriteAllText(path, "not a model");
        File.WriteAllText(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { ModelPath = path, VocabPath = vocab }));

            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
            File.Delete(vocab);
        }
    }

    public sealed class Model : IDisposable
    {
        public Core.Retrieval.Dense.TextEmbedder Embedder { get; } = OnnxEmbeddingGenerator.CreateEmbedder(new OnnxEmbeddingOptions());

        public void Dispose() => Embedder.Dispose();
    }
}
