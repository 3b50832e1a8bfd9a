using System.ComponentModel;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp index &lt;path...&gt;</c>: exit code 1 when any file failed, so scripts notice.</summary>
internal sealed class IndexCommand : AsyncCommand<IndexCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<paths>")]
        [Description("Files or folders to index (folders recursively).")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--prune")]
        [Description("Remove indexed documents under these folders whose files are gone.")]
        public bool Prune { get; init; }

        [CommandOption("--groups <GROUPS>")]
        [Description("Comma-separated access groups for these files (default: public; a sidecar wins).")]
        public string? Groups { get; init; }

        [CommandOption("--doc-type <TYPE>")]
        public string? DocType { get; init; }

        [CommandOption("--equipment <ID>")]
        public string? Equipment { get; init; }

        [CommandOption("--line <LINE>")]
        public string? Line { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        using var index = environment.OpenIndex();
        var pipeline = environment.Pipeline(index);
        var request = new IngestionRequest
        {
            Paths = settings.Paths,
            Prune = settings.Prune,
            Metadata = new DocumentMetadata
            {
                DocType = settings.DocType,
                Equipment = settings.Equipment,
                Line = settings.Line,
                AccessGroups = settings.Groups?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            },
        };

        var report = AnsiConsole.Profile.Capabilities.Interactive
            ? await RunWithProgressBarAsync(pipeline, request, cancellationToken)
            : await pipeline.RunAsync(request, new SynchronousProgress<IngestionProgress>(p => PrintLine(p.Last)), cancellationToken);
        // A corpus folder may carry its plant glossary (glossary.tsv at its top); searches then use it.
        if (environment.RememberGlossary(index, settings.Paths) is { } glossary)
        {
            AnsiConsole.MarkupLineInterpolated($"glossary: {glossary} ({environment.LoadGlossary(index).Count} term sets)");
        }

        PrintSummary(report, index.DatabasePath);
        var synced = await SearchIndexOutput.SyncAsync(environment, index, cancellationToken);
        return report.Failed > 0 || synced is { Failed.Count: > 0 } ? 1 : 0;
    }

    private static Task<IngestionReport> RunWithProgressBarAsync(IngestionPipeline pipeline, IngestionRequest request, CancellationToken cancellationToken) =>
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(ctx =>
            {
                var task = ctx.AddTask("indexing");
                var progress = new SynchronousProgress<IngestionProgress>(p =>
                {
                    task.MaxValue = p.FilesTotal;
                    task.Value = p.FilesDone;
                    task.Description = $"files {p.FilesDone}/{p.FilesTotal} · pages {p.Pages} · chunks {p.Chunks}";
                });
                return pipeline.RunAsync(request, progress, cancellationToken);
            });

    // Logs and scripts get one line per file as it finishes, so a long run shows where it is.
    private static void PrintLine(FileOutcome file)
    {
        var state = file.Kind switch { FileOutcomeKind.Indexed => "indexed  ", FileOutcomeKind.Unchanged => "unchanged", _ => "FAILED   " };
        Console.Out.WriteLine($"{state} {file.Path}{(file.Kind == FileOutcomeKind.Indexed ? $" ({file.Pages} pages, {file.Chunks} chunks)" : "")}");
    }

    private static void PrintSummary(IngestionReport report, string databasePath)
    {
        var table = new Table().AddColumns("indexed", "unchanged", "failed", "pruned", "pages", "chunks", "seconds");
        table.AddRow(report.Indexed.ToString(), report.Unchanged.ToString(), report.Failed.ToString(), report.Pruned.Count.ToString(),
            report.Pages.ToString(), report.Chunks.ToString(), report.Elapsed.TotalSeconds.ToString("F1"));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"chunked documents: {report.DocumentsChunked}; PDF pages read by layout analysis (interleaved columns): {report.PagesByLayout}");

        if (report.Files.Count == 0)
        {
            AnsiConsole.WriteLine("no supported files (.pdf .docx .xlsx .md .markdown .txt .text .log) under the given paths");
        }

        if (report.Unsupported.Count > 0)
        {
            AnsiConsole.WriteLine("skipped, type not supported: " + string.Join(", ", report.Unsupported.OrderByDescending(p => p.Value).Select(p => $"{p.Key} ×{p.Value}")));
        }

        foreach (var file in report.Files.Where(f => f.PagesByOcr > 0))
        {
            AnsiConsole.MarkupLineInterpolated($"OCR {file.Path}: {file.PagesByOcr} scanned page(s) recognised");
        }

        foreach (var file in report.NeedingOcr)
        {
            var why = file.OcrError is null ? "" : $" (OCR failed: {file.OcrError})";
            AnsiConsole.MarkupLineInterpolated($"[yellow]needs OCR[/] {file.Path}: pages {string.Join(", ", file.PagesNeedingOcr!)} have no text layer and are not searchable yet{why}");
        }

        foreach (var file in report.Files.Where(f => f.Kind == FileOutcomeKind.Failed))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error[/] {file.Path}: {file.Error}");
        }

        AnsiConsole.WriteLine($"index: {databasePath}");
    }
}
