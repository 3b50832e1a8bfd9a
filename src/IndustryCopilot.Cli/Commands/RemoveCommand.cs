using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp remove &lt;doc&gt;</c>.</summary>
internal sealed class RemoveCommand : Command<RemoveCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<doc>")]
        [Description("Document id, source path, or a unique part of its title.")]
        public string Document { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var index = CopilotEnvironment.Load(settings.DataDir).OpenIndex();
        var d = DocumentSelector.Single(index, settings.Document);
        index.RemoveDocument(d.Id);
        AnsiConsole.MarkupLineInterpolated($"removed {d.Id} {d.Title} ({d.ChunkCount} chunks)");
        return 0;
    }
}
