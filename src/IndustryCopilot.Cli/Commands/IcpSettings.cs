using System.ComponentModel;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary>Options every command takes.</summary>
internal class IcpSettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("Index folder (default: $ICP_DATA_DIR, else ./data).")]
    public string? DataDir { get; init; }
}
