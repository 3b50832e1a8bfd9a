using IndustryCopilot.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp keys list</c>: every key with role, groups, creation and revocation (never the key itself).</summary>
internal sealed class KeysListCommand : AsyncCommand<IcpSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IcpSettings settings, CancellationToken cancellationToken)
    {
        using var keys = CopilotEnvironment.Load(settings.DataDir).OpenKeys();
        var table = new Table().AddColumns("id", "name", "role", "groups", "created", "last used", "revoked");
        foreach (var key in await keys.ListAsync(cancellationToken))
        {
            table.AddRow(key.Id, Markup.Escape(key.Name), key.Role.ToString().ToLowerInvariant() + (key.AllGroups ? " (all groups)" : ""), Markup.Escape(string.Join(",", key.VisibleGroups)), key.Created.ToString("u"), key.LastUsed?.ToString("u") ?? "never", key.Revoked?.ToString("u") ?? "");
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
