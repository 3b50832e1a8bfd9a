using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Ocr;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Retrieval.Lanes;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Translation;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Composition;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Llama;
using IndustryCopilot.Lucene.Retrieval;
using IndustryCopilot.Onnx.Embeddings;
using IndustryCopilot.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Hosting;

/// <summary>
/// What the shared container (<see cref="CopilotComposition"/>) hands the CLI and the server: the
/// checked options, and the index, pipeline, retriever, model and answer flow built from them. Configuration: <c>appsettings.json</c> beside the program, then in the current
/// folder, then <c>ICP_</c> environment variables (<c>ICP_Chunking__MaxTokens=300</c>), then flags. The data
/// directory is <c>--data-dir</c>, else <c>ICP_DATA_DIR</c>, else <c>Index:DataDirectory</c>, else <c>./data</c>.
/// </summary>
public sealed class CopilotEnvironment
{
    /// <summary>Index setting naming the glossary found in an indexed folder.</summary>
    public const string GlossarySetting = "glossary_path";

    // One dictionary per configured file for the process: ~1 s and tens of MB to load, the same for every retriever.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<BilingualLexicon>> Lexicons = new(StringComparer.Ordinal);
    private TextEmbedder? _embedder;
    private QdrantSearchIndex? _qdrant;
    private PostgresStore? _shared;

    internal CopilotEnvironment(IConfiguration configuration, IServiceProvider services)
    {
        // The host resolves its workers (which need this) before it runs its own start-up checks: check every section
        // here first, so the first failure is the whole list and not the one section this constructor happened to read.
        services.ValidateOptions();
        Configuration = configuration;
        Time = services.GetRequiredService<TimeProvider>();
        Index = services.Options<IndexOptions>();
        Qdrant = services.Options<QdrantOptions>();
        Ingestion = services.Options<IngestionOptions>();
        Chunking = services.Options<ChunkingOptions>();
        Retrieval = services.Options<RetrievalOptions>();
        Embeddings = services.Options<OnnxEmbeddingOptions>();
        Answering = services.Options<AnsweringOptions>();
        Ocr = services.Options<OcrOptions>();
        Llm = services.Options<LlmOptions>();
        Generation = services.Options<GenerationOptions>();
        LlamaModel = services.Options<LlamaModelOptions>();
        Store = services.Options<StoreOptions>();
    }

    // The same checked options over another data directory (evaluation and benchmark indexes), sharing the loaded model.
    private CopilotEnvironment(CopilotEnvironment other, string dataDirectory)
    {
        Configuration = other.Configuration;
        Time = other.Time;
        Index = new IndexOptions { DataDirectory = dataDirectory, Provider = other.Index.Provider };
        (Qdrant, Ingestion, Chunking, Retrieval, Embeddings) = (other.Qdrant, other.Ingestion, other.Chunking, other.Retrieval, other.Embeddings);
        (Answering, Ocr, Llm, Generation, LlamaModel, Store) = (other.Answering, other.Ocr, other.Llm, other.Generation, other.LlamaModel, other.Store);
        _embedder = other.Embedder();
    }

    public IConfiguration Configuration { get; }

    /// <summary>The host's clock (a fake one in tests), for the pipeline, the model queue, keys and conversations.</summary>
    public TimeProvider Time { get; }

    public IndexOptions Index { get; }

    /// <summary>The Qdrant connection, used when <c>Index:Provider</c> is <c>qdrant</c>.</summary>
    public QdrantOptions Qdrant { get; }

    public IngestionOptions Ingestion { get; }

    public ChunkingOptions Chunking { get; }

    public RetrievalOptions Retrieval { get; }

    public OnnxEmbeddingOptions Embeddings { get; }

    public AnsweringOptions Answering { get; }

    public OcrOptions Ocr { get; }

    public LlmOptions Llm { get; }

    public GenerationOptions Generation { get; }

    public LlamaModelOptions LlamaModel { get; }

    /// <summary>Where keys and the audit live: files in the data directory, or the group's PostgreSQL database.</summary>
    public StoreOptions Store { get; }

    /// <summary>The environment over an existing configuration, data directory as <see cref="Load"/> resolves it, every option checked.</summary>
    public static CopilotEnvironment FromConfiguration(IConfiguration configuration, string? dataDirFlag = null) =>
        CopilotComposition.BuildCopilot(configuration, dataDirFlag).GetRequiredService<CopilotEnvironment>();

    /// <summary>
    /// Remembers the glossary at the top of an indexed folder (<c>glossary.tsv</c>), so searches use it; returns its
    /// path, or null when none of the folders has one.
    /// </summary>
    public string? RememberGlossary(SqliteIndex index, IEnumerable<string> paths)
    {
        foreach (var folder in paths.Where(Directory.Exists))
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, Retrieval.GlossaryFile));
            if (File.Exists(candidate))
            {
                index.SetSetting(GlossarySetting, candidate);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The CLI's environment: <c>appsettings.json</c> beside the program, then in the current folder, then <c>ICP_</c>
    /// variables, then <paramref name="overrides"/> (what flags such as <c>--model</c> set), every option checked.
    /// </summary>
    public static CopilotEnvironment Load(string? dataDirFlag, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("ICP_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        return FromConfiguration(configuration, dataDirFlag);
    }

    /// <summary>The settings <c>--model</c> stands for: the LlamaSharp provider over that GGUF file; none without the flag.</summary>
    public static IReadOnlyDictionary<string, string?> ModelFlag(string? modelPath) =>
        modelPath is null
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?> { [$"{LlmOptions.Section}:Provider"] = nameof(LlmProvider.LlamaSharp), [$"{LlamaModelOptions.Section}:ModelPath"] = modelPath };

    public SqliteIndex OpenIndex() => new(Index);

    /// <summary>
    /// The configured shared database, one per environment (its connection pool is the process's); null when the
    /// store is SQLite.
    /// </summary>
    public PostgresStore? SharedStore() =>
        Store.Provider != StoreProvider.Postgres ? null : _shared ??= new PostgresStore(Store.ConnectionString!);

    /// <summary>The conversation store of <c>Store:Provider</c>.</summary>
    public Conversations.IConversationStore OpenConversations(TimeProvider? time = null) =>
        SharedStore() is { } shared ? new Conversations.PostgresConversationStore(shared, time ?? Time) : new Conversations.SqliteConversationStore(Index.DataDirectory, time ?? Time);

    /// <summary>The audit of <c>Store:Provider</c>.</summary>
    public Audit.IAuditLog OpenAudit() =>
        SharedStore() is { } shared ? new Audit.PostgresAuditLog(shared) : new Audit.SqliteAuditLog(Index.DataDirectory);

    /// <summary>The key store of <c>Store:Provider</c>.</summary>
    public Security.IApiKeyStore OpenKeys(TimeProvider? time = null) =>
        SharedStore() is { } shared ? new Security.PostgresApiKeyStore(shared, time ?? Time) : new Security.SqliteApiKeyStore(Index.DataDirectory, time ?? Time);

    /// <summary>The same configuration over another data directory, sharing the loaded embedding model.</summary>
    public CopilotEnvironment ForDataDirectory(string dataDirectory) => new(this, Path.GetFullPath(dataDirectory));

    /// <summary>The dense lane's model, loaded once per process; null when <c>Embeddings:Enabled</c> is false.</summary>
    public TextEmbedder? Embedder() => Embeddings.Enabled ? _embedder ??= OnnxEmbeddingGenerator.CreateEmbedder(Embeddings) : null;

    public IngestionPipeline Pipeline(SqliteIndex index) =>
        new(index, ReaderRegistry.Default(Ingestion), new StructuredChunker(Chunking), Ingestion, Time, Embedder(), Ocr.Enabled ? new PdfPageOcr(Ocr) : null);

    /// <summary>
    /// The configured model (<c>--model</c> arrives as configuration, see <see cref="ModelFlag"/>); null for quote mode.
    /// A model that cannot be loaded is logged on <paramref name="logger"/> (and stops the command unless Llm:FallbackToQuote).
    /// </summary>
    public ChatBackend? Backend(Microsoft.Extensions.Logging.ILogger logger, Action<string>? promptObserver = null) =>
        ChatBackends.Create(Llm, LlamaModel, logger, promptObserver);

    /// <summary>The answer flow over an index: generated with <paramref name="backend"/>, quote mode without.</summary>
    /// <remarks>
    /// <paramref name="qdrant"/>: the Qdrant index to search (the server's shared one); null: <see cref="QdrantIndex"/>.
    /// <paramref name="time"/>: the clock for the model queue's deadlines and conversation expiry (<see cref="Time"/> when null).
    /// </remarks>
    public AnswerOrchestrator Orchestrator(SqliteIndex index, ChatBackend? backend, QdrantSearchIndex? qdrant = null, TimeProvider? time = null) =>
        new(Retriever(index, qdrant: qdrant), Answering, Generation, backend, backend is null ? null : PromptLibrary.Load(Llm.PromptsDirectory), Llm.FallbackToQuote, time ?? Time);

    /// <summary>
    /// Retrieval over <paramref name="index"/>'s catalog with the lanes of the configured provider, or the embedded
    /// ones when <paramref name="embedded"/> (what <c>icp eval</c> and <c>icp bench search</c> measure).
    /// </summary>
    public HybridRetriever Retriever(SqliteIndex index, bool embedded = false, QdrantSearchIndex? qdrant = null) =>
        embedded || Index.Provider == IndexProvider.Embedded
            ? Retriever(index, LoadGlossary(index), null)
            : Retriever(index, LoadGlossary(index), qdrant ?? QdrantIndex());

    /// <summary>Retrieval with the lanes of <paramref name="search"/> (a stand-in, for benchmarks) over <paramref name="index"/>'s catalog.</summary>
    public HybridRetriever Retriever(SqliteIndex index, ISearchIndex search)
    {
        var glossary = LoadGlossary(index);
        return new(index, search, Retrieval, glossary, Embedder(), rankings: Rankings(index), translator: Translator(glossary));
    }

    private HybridRetriever Retriever(SqliteIndex index, Glossary glossary, QdrantSearchIndex? qdrant) =>
        qdrant is null
            ? new(index, Retrieval, glossary, Embedder(), rankings: Rankings(index), translator: Translator(glossary))
            : new(index, qdrant, Retrieval, glossary, Embedder(), rankings: Rankings(index), translator: Translator(glossary));

    /// <summary>
    /// The translated lane's translator: the plant's glossary over the shipped industrial one, and the dictionary
    /// (<c>Retrieval:DictionaryFile</c>, else the built-in CC-CEDICT), loaded once per process; null when the lane is off.
    /// </summary>
    public QueryTranslator? Translator(Glossary glossary) =>
        Retrieval.TranslatedWeight <= 0 ? null : new QueryTranslator(new TranslationGlossary(glossary, Retrieval.IndustrialGlossary ? TranslationGlossary.Shipped : Glossary.Empty), Lexicon());

    /// <summary>The translation dictionary, loaded on first use and kept for the process; empty when the build has none.</summary>
    public BilingualLexicon Lexicon() => Lexicons.GetOrAdd(Retrieval.DictionaryFile, path => new Lazy<BilingualLexicon>(() => LoadLexicon(path))).Value;

    private static BilingualLexicon LoadLexicon(string path)
    {
        if (path.Length > 0)
        {
            return File.Exists(path) ? BilingualLexicon.LoadFile(path) : throw new FileNotFoundException($"Retrieval:DictionaryFile not found: {path}", path);
        }

        return BilingualLexicon.LoadEmbedded() ?? BilingualLexicon.Empty;
    }

    /// <summary>The lanes run beside the search index over the catalog: the Lucene Chinese lane unless its weight is 0.</summary>
    public IReadOnlyList<IRankingLane> Rankings(SqliteIndex index) => Retrieval.ChineseBm25Weight > 0 ? [new ChineseBm25Lane(index)] : [];

    /// <summary>The embedding model the search index records for the configured embedder; null without one.</summary>
    public VectorModel? VectorModel() => Embedder() is { } e ? new VectorModel(e.ModelId, e.Dimension) : null;

    /// <summary>The Qdrant search index of the configured model, one per process (it holds the gRPC channel).</summary>
    public QdrantSearchIndex QdrantIndex() => _qdrant ??= new QdrantSearchIndex(QdrantSearchIndex.Connect(Qdrant), Qdrant, VectorModel());

    /// <summary>
    /// After the catalog changed: with the Qdrant provider, pushes the changed documents to Qdrant (no re-embedding)
    /// and removes deleted ones; with the embedded provider the catalog is the search index and there is nothing to do,
    /// nor where <c>Qdrant:Sync</c> is false (null).
    /// </summary>
    public async Task<SearchIndexSyncReport?> SyncSearchIndexAsync(SqliteIndex catalog, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Index.Provider == IndexProvider.Embedded || !Qdrant.Sync)
        {
            return null;
        }

        await QdrantIndex().ValidateAsync(cancellationToken);
        return await SearchIndexSync.SyncAsync(catalog, QdrantIndex(), progress, cancellationToken);
    }

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
