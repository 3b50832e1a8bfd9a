using System.ComponentModel;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Hosting;
using IndustryCopilot.Qdrant;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp migrate --to qdrant</c>: copies the embedded index's documents, chunks and stored vectors into Qdrant —
/// no file is read and nothing is re-embedded — into the collection of the model the vectors were made with, then
/// points the alias at it. Safe to run again: unchanged documents are skipped, an interrupted run is finished.
/// </summary>
internal sealed class MigrateCommand : AsyncCommand<MigrateCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--to <PROVIDER>")]
        [Description("Target search index: qdrant.")]
        public string To { get; init; } = "";

        [CommandOption("--url <URL>")]
        [Description("Qdrant gRPC URL (default: Qdrant:Url, http://localhost:6334).")]
        public string? Url { get; init; }

        [CommandOption("--api-key <KEY>")]
        [Description("Qdrant API key (default: Qdrant:ApiKey).")]
        public string? ApiKey { get; init; }

        [CommandOption("--collection <ALIAS>")]
        [Description("Alias searches read (default: Qdrant:Collection, icp_chunks).")]
        public string? Collection { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.To.Equals("qdrant", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--to must be qdrant (the only other provider, embedded, is the source)");
        }

        var environment = CopilotEnvironment.Load(settings.DataDir);
        var options = environment.Qdrant;
        options.Url = settings.Url ?? options.Url;
        options.ApiKey = settings.ApiKey ?? options.ApiKey;
        options.Collection = settings.Collection ?? options.Collection;
        using var catalog = environment.OpenIndex();
        var model = catalog.StoredEmbeddingModel();
        using var target = new QdrantSearchIndex(QdrantSearchIndex.Connect(options), options, model);
        AnsiConsole.MarkupLineInterpolated($"migrating {catalog.DatabasePath} → Qdrant {options.Url}, collection {target.WriteCollection} behind alias {target.Alias} ({(model is null ? "no vectors" : model.Key)})");
        await target.ValidateAsync(cancellationToken);
        var report = await SearchIndexSync.SyncAsync(catalog, target, new SynchronousProgress<string>(line => AnsiConsole.WriteLine("  " + line)), cancellationToken);
        SearchIndexOutput.Print(report, target.Alias);
        if (report.Published)
        {
            AnsiConsole.MarkupLine("done. Set [bold]Index:Provider=qdrant[/] (ICP_Index__Provider=qdrant) and the same Qdrant:* settings on every server.");
        }

        return report.Failed.Count > 0 ? 1 : 0;
    }
}
