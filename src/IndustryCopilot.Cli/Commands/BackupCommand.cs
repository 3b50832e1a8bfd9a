using System.ComponentModel;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Backup;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp backup /backups/icp-2026-12-04</c>: a consistent copy of the data directory, safe while the server runs.</summary>
internal sealed class BackupCommand : Command<BackupCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<DESTINATION>")]
        [Description("A new (or empty) folder for the backup.")]
        public string Destination { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = CopilotEnvironment.Load(settings.DataDir).Index.DataDirectory;
        var manifest = DataBackup.Create(data, settings.Destination);
        foreach (var file in manifest.Files)
        {
            Console.WriteLine($"{file.Path,-40} {file.Bytes,14:N0} bytes  sha256 {file.Sha256[..16]}…");
        }

        Console.WriteLine($"backed up {manifest.Files.Count} files from {manifest.Source} to {Path.GetFullPath(settings.Destination)}");
        return 0;
    }
}
