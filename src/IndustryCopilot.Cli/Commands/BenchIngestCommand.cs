using System.ComponentModel;
using System.Diagnostics;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using Spectre.Console;
using Spectre.Console.Cli;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp bench ingest &lt;dir&gt;</c>: PDF pages/s for PdfPig text extraction alone, the whole pipeline without
/// embeddings (read, layout check, chunk, jieba/identifier terms, SQLite transaction) and with dense embeddings, each
/// into a fresh temporary index, side by side in one run. The embedding model is loaded once before the rounds.
/// </summary>
internal sealed class BenchIngestCommand : AsyncCommand<BenchIngestCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<dir>")]
        public string Directory { get; init; } = "";

        [CommandOption("--rounds <N>")]
        [Description("Alternating rounds of each measurement (default 3); the best round is reported.")]
        public int Rounds { get; init; } = 3;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        var pdfs = System.IO.Directory.GetFiles(settings.Directory, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (pdfs.Count == 0)
        {
            throw new InvalidOperationException($"no PDFs in {settings.Directory}");
        }

        var load = Stopwatch.StartNew();
        var embedder = environment.Embedder();
        var loadSeconds = load.Elapsed.TotalSeconds;
        double bestExtract = double.MaxValue, bestPipeline = double.MaxValue, bestDense = double.MaxValue;
        int pages = 0;
        IngestionReport? report = null;
        for (var round = 0; round < settings.Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            pages = 0;
            foreach (var pdf in pdfs)
            {
                try
                {
                    using var document = PdfDocument.Open(pdf);
                    foreach (var page in document.GetPages())
                    {
                        _ = ContentOrderTextExtractor.GetText(page);
                        pages++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The pipeline reports unreadable files; the extraction baseline just skips them.
                }
            }

            bestExtract = Math.Min(bestExtract, sw.Elapsed.TotalSeconds);

            (report, var seconds) = await RunPipelineAsync(environment, pdfs, null, cancellationToken);
            bestPipeline = Math.Min(bestPipeline, seconds);
            if (embedder is not null)
            {
                bestDense = Math.Min(bestDense, (await RunPipelineAsync(environment, pdfs, embedder, cancellationToken)).Seconds);
            }
        }

        var table = new Table().AddColumns("measure", "PDFs", "pages", "seconds (best)", "pages/s");
        table.AddRow("PdfPig extraction alone", pdfs.Count.ToString(), pages.ToString(), bestExtract.ToString("F2"), (pages / bestExtract).ToString("F0"));
        table.AddRow("whole ingestion pipeline, no embeddings", pdfs.Count.ToString(), report!.Pages.ToString(), bestPipeline.ToString("F2"), (report.Pages / bestPipeline).ToString("F0"));
        if (embedder is not null)
        {
            table.AddRow($"whole pipeline + dense embeddings ({embedder.ModelId})", pdfs.Count.ToString(), report.Pages.ToString(), bestDense.ToString("F2"), (report.Pages / bestDense).ToString("F0"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(embedder is null ? "embeddings disabled (Embeddings:Enabled=false)" : $"embedding model loaded in {loadSeconds:F1} s (once per process, not in the rounds)");

        var perFile = new Table().AddColumns("file", "pages", "by layout analysis", "chunks", "needs OCR", "error");
        foreach (var f in report.Files)
        {
            perFile.AddRow(Markup.Escape(Path.GetFileName(f.Path)), f.Pages.ToString(), f.PagesByLayout.ToString(), f.Chunks.ToString(), f.PagesNeedingOcr is { Count: > 0 } ocr ? string.Join(",", ocr) : "", Markup.Escape(f.Error ?? ""));
        }

        AnsiConsole.Write(perFile);
        AnsiConsole.WriteLine($"chunks: {report.Chunks}; rounds: {settings.Rounds}");
        return 0;
    }

    private static async Task<(IngestionReport Report, double Seconds)> RunPipelineAsync(CopilotEnvironment environment, List<string> pdfs, Core.Retrieval.Dense.TextEmbedder? embedder, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), "icp-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new SqliteIndex(new IndexOptions { DataDirectory = temp });
            var pipeline = new IngestionPipeline(index, ReaderRegistry.Default(environment.Ingestion), new Core.Ingestion.Chunking.StructuredChunker(environment.Chunking), environment.Ingestion, TimeProvider.System, embedder);
            var sw = Stopwatch.StartNew();
            var report = await pipeline.RunAsync(new IngestionRequest { Paths = pdfs }, null, cancellationToken);
            return (report, sw.Elapsed.TotalSeconds);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(temp, recursive: true);
        }
    }
}
