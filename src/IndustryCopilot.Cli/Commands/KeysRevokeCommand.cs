using IndustryCopilot.Hosting;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp keys revoke &lt;name or id&gt;</c>: the key stops working at once.</summary>
internal sealed class KeysRevokeCommand : Command<KeysRevokeCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<KEY>")]
        public string Key { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var keys = CopilotEnvironment.Load(settings.DataDir).OpenKeys();
        if (!keys.Revoke(settings.Key))
        {
            Console.Error.WriteLine($"error: no active key named or with id '{settings.Key}'");
            return 1;
        }

        Console.WriteLine($"revoked {settings.Key}");
        return 0;
    }
}
