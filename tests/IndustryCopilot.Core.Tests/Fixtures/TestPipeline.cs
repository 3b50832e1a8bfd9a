using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>A real pipeline over a real SQLite index in a temp folder.</summary>
internal sealed class TestPipeline : IDisposable
{
    private readonly TempDirectory _data = new();

    public TestPipeline(IngestionOptions? ingestion = null, ReaderRegistry? readers = null, TimeProvider? time = null)
    {
        var options = ingestion ?? new IngestionOptions();
        Index = new SqliteIndex(new IndexOptions { DataDirectory = _data.Path });
        Pipeline = new IngestionPipeline(Index, readers ?? ReaderRegistry.Default(options), new StructuredChunker(new ChunkingOptions()), options, time ?? TimeProvider.System);
    }

    public SqliteIndex Index { get; }

    public IngestionPipeline Pipeline { get; }

    public Task<IngestionReport> RunAsync(params string[] paths) => Pipeline.RunAsync(new IngestionRequest { Paths = paths }, null, CancellationToken.None);

    public void Dispose()
    {
        Index.Dispose();
        _data.Dispose();
    }
}
