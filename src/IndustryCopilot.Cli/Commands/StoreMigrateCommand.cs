using System.ComponentModel;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp store migrate</c>: copies the data directory's keys, audit and conversations into the shared PostgreSQL database (before
/// switching a server to <c>Store:Provider=Postgres</c>). Keys keep working; audit entries keep their ids and times.
/// Safe to run again: rows already there are not copied twice.
/// </summary>
internal sealed class StoreMigrateCommand : AsyncCommand<StoreMigrateCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--connection-string <CS>")]
        [Description("The PostgreSQL database (default: Store:ConnectionString, e.g. from ICP_Store__ConnectionString).")]
        public string? ConnectionString { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        var connectionString = settings.ConnectionString ?? environment.Store.ConnectionString
            ?? throw new ArgumentException("no database: give --connection-string or set Store:ConnectionString (ICP_Store__ConnectionString)");
        await using var store = new PostgresStore(connectionString);
        var copied = await SqliteToPostgres.MigrateAsync(environment.Index.DataDirectory, store, cancellationToken);
        var table = new Table().AddColumns("records", "in the data directory", "copied", "there already");
        foreach (var (name, (read, written)) in new[] { ("API keys", copied.Keys), ("answers", copied.Answers), ("ratings", copied.Feedback), ("admin actions", copied.Actions), ("conversations", copied.Conversations), ("conversation turns", copied.Turns) })
        {
            table.AddRow(name, read.ToString(System.Globalization.CultureInfo.InvariantCulture), written.ToString(System.Globalization.CultureInfo.InvariantCulture), (read - written).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[grey]from {environment.Index.DataDirectory}; now run every server with Store:Provider=Postgres and the same connection string[/]");
        return 0;
    }
}
