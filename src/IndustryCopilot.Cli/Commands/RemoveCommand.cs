using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp remove &lt;doc&gt;</c>.</summary>
internal sealed class RemoveCommand : AsyncCommand<RemoveCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<doc>")]
        [Description("Document id, source path, or a unique part of its title.")]
        public string Document { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        using var index = environment.OpenIndex();
        var d = DocumentSelector.Single(index, settings.Document);
        index.RemoveDocument(d.Id);
        AnsiConsole.MarkupLineInterpolated($"removed {d.Id} {d.Title} ({d.ChunkCount} chunks)");
        return await SearchIndexOutput.SyncAsync(environment, index, cancellationToken) is { Failed.Count: > 0 } ? 1 : 0;
    }
}
