using System.ComponentModel;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Security;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp keys add --name mes-line3 --groups production,quality --role reader</c>: prints the new key once, alone on the last line.</summary>
internal sealed class KeysAddCommand : AsyncCommand<KeysAddCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("Who uses the key (a program or a person), unique.")]
        public string Name { get; init; } = "";

        [CommandOption("--groups <GROUPS>")]
        [Description("Comma-separated document access groups the key may see (public is always included).")]
        public string Groups { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("reader (ask, search), editor (also upload and delete documents) or admin (also keys and audit). Default reader.")]
        public string Role { get; init; } = "reader";

        [CommandOption("--all-groups")]
        [Description("With --role admin: the key may also manage keys of groups it does not hold (a plant-wide IT admin). Only this command grants it; the API never does.")]
        public bool AllGroups { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ApiKeyRole>(settings.Role, ignoreCase: true, out var role) || int.TryParse(settings.Role, out _))
        {
            throw new FormatException($"unknown role '{settings.Role}': use reader, editor or admin");
        }

        using var keys = CopilotEnvironment.Load(settings.DataDir).OpenKeys();
        var (key, record) = await keys.AddAsync(settings.Name, role, settings.Groups.Split(','), settings.AllGroups, cancellationToken);
        var reach = record.AllGroups ? "; manages keys of all groups" : "";
        Console.WriteLine($"key '{record.Name}' (id {record.Id}), role {record.Role.ToString().ToLowerInvariant()}, groups {string.Join(",", record.VisibleGroups)}{reach}");
        Console.WriteLine("Store it now: it is shown only this once (only its hash is kept).");
        Console.WriteLine(key);
        return 0;
    }
}
