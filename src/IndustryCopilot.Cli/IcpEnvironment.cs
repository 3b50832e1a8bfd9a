using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Ocr;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Onnx.Embeddings;
using Microsoft.Extensions.Configuration;

namespace IndustryCopilot.Cli;

/// <summary>
/// Builds configuration and options for a command: <c>appsettings.json</c> beside the program, then in the current
/// folder, then <c>ICP_</c> environment variables (<c>ICP_Chunking__MaxTokens=300</c>), then flags. The data
/// directory is <c>--data-dir</c>, else <c>ICP_DATA_DIR</c>, else <c>Index:DataDirectory</c>, else <c>./data</c>.
/// </summary>
internal sealed class IcpEnvironment
{
    /// <summary>Index setting naming the glossary found in an indexed folder.</summary>
    public const string GlossarySetting = "glossary_path";

    private TextEmbedder? _embedder;

    private IcpEnvironment(IConfiguration configuration, string dataDirectory)
    {
        Configuration = configuration;
        Index = new IndexOptions { DataDirectory = dataDirectory };
        Ingestion = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        Chunking = configuration.GetSection(ChunkingOptions.Section).Get<ChunkingOptions>() ?? new ChunkingOptions();
        Retrieval = configuration.GetSection(RetrievalOptions.Section).Get<RetrievalOptions>() ?? new RetrievalOptions();
        Embeddings = configuration.GetSection(OnnxEmbeddingOptions.Section).Get<OnnxEmbeddingOptions>() ?? new OnnxEmbeddingOptions();
        Answering = configuration.GetSection(AnsweringOptions.Section).Get<AnsweringOptions>() ?? new AnsweringOptions();
        Ocr = configuration.GetSection(OcrOptions.Section).Get<OcrOptions>() ?? new OcrOptions();
        Index.Validate();
        Ingestion.Validate();
        Chunking.Validate();
        Retrieval.Validate();
        Embeddings.Validate();
        Answering.Validate();
        Ocr.Validate();
    }

    public IConfiguration Configuration { get; }

    public IndexOptions Index { get; }

    public IngestionOptions Ingestion { get; }

    public ChunkingOptions Chunking { get; }

    public RetrievalOptions Retrieval { get; }

    public OnnxEmbeddingOptions Embeddings { get; }

    public AnsweringOptions Answering { get; }

    public OcrOptions Ocr { get; }

    public static IcpEnvironment Load(string? dataDirFlag)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("ICP_")
            .Build();
        var dataDirectory = dataDirFlag
            ?? Environment.GetEnvironmentVariable("ICP_DATA_DIR")
            ?? configuration[$"{IndexOptions.Section}:DataDirectory"]
            ?? "data";
        return new IcpEnvironment(configuration, Path.GetFullPath(dataDirectory));
    }

    public SqliteIndex OpenIndex() => new(Index);

    /// <summary>The same configuration over another data directory, sharing the loaded embedding model.</summary>
    public IcpEnvironment ForDataDirectory(string dataDirectory) =>
        new(Configuration, Path.GetFullPath(dataDirectory)) { _embedder = _embedder ??= Embeddings.Enabled ? OnnxEmbeddingGenerator.CreateEmbedder(Embeddings) : null };

    /// <summary>The dense lane's model, loaded once per process; null when <c>Embeddings:Enabled</c> is false.</summary>
    public TextEmbedder? Embedder() => Embeddings.Enabled ? _embedder ??= OnnxEmbeddingGenerator.CreateEmbedder(Embeddings) : null;

    public IngestionPipeline Pipeline(SqliteIndex index) =>
        new(index, ReaderRegistry.Default(Ingestion), new StructuredChunker(Chunking), Ingestion, TimeProvider.System, Embedder(), Ocr.Enabled ? new PdfPageOcr(Ocr) : null);

    public HybridRetriever Retriever(SqliteIndex index) => new(index, Retrieval, LoadGlossary(index), Embedder());

    /// <summary>
    /// The glossary: <c>Retrieval:GlossaryFile</c> if it is an absolute path, else that file name in the data
    /// directory, else the one found at the top of an indexed folder; none is fine.
    /// </summary>
    public Glossary LoadGlossary(SqliteIndex index)
    {
        var configured = Retrieval.GlossaryFile;
        if (Path.IsPathRooted(configured))
        {
            return File.Exists(configured) ? Glossary.Load(configured) : throw new FileNotFoundException($"Retrieval:GlossaryFile not found: {configured}", configured);
        }

        var inData = Path.Combine(Index.DataDirectory, configured);
        if (File.Exists(inData))
        {
            return Glossary.Load(inData);
        }

        return index.GetSetting(GlossarySetting) is { } found && File.Exists(found) ? Glossary.Load(found) : Glossary.Empty;
    }
}
