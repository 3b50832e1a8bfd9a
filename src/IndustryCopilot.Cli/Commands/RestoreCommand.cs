using System.ComponentModel;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Backup;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp restore /backups/icp-2026-12-04 --data-dir /var/lib/industrycopilot/data --force</c>, with the server stopped.</summary>
internal sealed class RestoreCommand : Command<RestoreCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<BACKUP>")]
        [Description("A folder written by icp backup.")]
        public string Backup { get; init; } = "";

        [CommandOption("--force")]
        [Description("Replace a data directory that already holds data (stop the server first); the old folder is kept, renamed.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = CopilotEnvironment.Load(settings.DataDir).Index.DataDirectory;
        var (manifest, kept) = DataBackup.Restore(settings.Backup, data, settings.Force);
        Console.WriteLine($"restored {manifest.Files.Count} files (backup of {manifest.Created:u}) into {Path.GetFullPath(data)}");
        if (kept is not null)
        {
            Console.WriteLine($"the previous data directory is kept at {kept}");
        }

        return 0;
    }
}
