using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Hosting;
using Spectre.Console;

namespace IndustryCopilot.Cli.Commands;

/// <summary>Brings the configured search index up to date after a command changed the catalog, and says what it did.</summary>
internal static class SearchIndexOutput
{
    /// <summary>The sync's report, or null with the embedded provider (the catalog is the search index).</summary>
    public static async Task<SearchIndexSyncReport?> SyncAsync(CopilotEnvironment environment, SqliteIndex index, CancellationToken cancellationToken)
    {
        var report = await environment.SyncSearchIndexAsync(index, null, cancellationToken);
        if (report is not null)
        {
            Print(report, environment.QdrantIndex().Alias);
        }

        return report;
    }

    public static void Print(SearchIndexSyncReport report, string target)
    {
        AnsiConsole.MarkupLineInterpolated($"search index {target}: {report.Pushed} documents pushed ({report.Points} points), {report.Unchanged} unchanged, {report.Removed} removed, {report.Failed.Count} failed{(report.Published ? "" : $" — not published yet ({report.AwaitingVectors} documents still being embedded)")}");
        foreach (var (id, error) in report.Failed)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]failed[/] {id}: {error}");
        }
    }
}
