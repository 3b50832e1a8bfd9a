using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using Microsoft.Extensions.Configuration;

namespace IndustryCopilot.Cli;

/// <summary>
/// Builds configuration and options for a command: <c>appsettings.json</c> beside the program, then in the current
/// folder, then <c>ICP_</c> environment variables (<c>ICP_Chunking__MaxTokens=300</c>), then flags. The data
/// directory is <c>--data-dir</c>, else <c>ICP_DATA_DIR</c>, else <c>Index:DataDirectory</c>, else <c>./data</c>.
/// </summary>
internal sealed class IcpEnvironment
{
    private IcpEnvironment(IConfiguration configuration, string dataDirectory)
    {
        Configuration = configuration;
        Index = new IndexOptions { DataDirectory = dataDirectory };
        Ingestion = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        Chunking = configuration.GetSection(ChunkingOptions.Section).Get<ChunkingOptions>() ?? new ChunkingOptions();
        Index.Validate();
        Ingestion.Validate();
        Chunking.Validate();
    }

    public IConfiguration Configuration { get; }

    public IndexOptions Index { get; }

    public IngestionOptions Ingestion { get; }

    public ChunkingOptions Chunking { get; }

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

    public IngestionPipeline Pipeline(SqliteIndex index) =>
        new(index, ReaderRegistry.Default(Ingestion), new StructuredChunker(Chunking), Ingestion, TimeProvider.System);
}
