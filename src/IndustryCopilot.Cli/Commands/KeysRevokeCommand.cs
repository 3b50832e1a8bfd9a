using IndustryCopilot.Hosting;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp keys revoke &lt;name or id&gt;</c>: the key stops working at once.</summary>
internal sealed class KeysRevokeCommand : AsyncCommand<KeysRevokeCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<KEY>")]
        public string Key { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var keys = CopilotEnvironment.Load(settings.DataDir).OpenKeys();
        if (!await keys.RevokeAsync(settings.Key, cancellationToken: cancellationToken))
        {
            Console.Error.WriteLine($"error: no active key named or with id '{settings.Key}'");
            return 1;
        }

        Console.WriteLine($"revoked {settings.Key}");
        return 0;
    }
}
