using IndustryCopilot.Core.Documents;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp docs</c>: every indexed document with its number, revision, language, size and status.</summary>
internal sealed class DocsCommand : Command<IcpSettings>
{
    public override int Execute(CommandContext context, IcpSettings settings, CancellationToken cancellationToken)
    {
        using var index = CopilotEnvironment.Load(settings.DataDir).OpenIndex();
        var documents = index.ListDocuments();
        var table = new Table().AddColumns("id", "title", "number", "revision", "date", "lang", "pages", "chunks", "groups", "status");
        foreach (var d in documents)
        {
            var status = d.Status == DocumentStatus.Superseded ? $"superseded by {d.SupersededBy}" : "current";
            if (d.PagesNeedingOcr.Count > 0)
            {
                status += $", needs OCR ({d.PagesNeedingOcr.Count} p.)";
            }

            table.AddRow(Markup.Escape(d.Id), Markup.Escape(d.Title), Markup.Escape(d.DocumentNumber ?? ""), Markup.Escape(d.Revision ?? ""),
                d.EffectiveDate?.ToString("yyyy-MM-dd") ?? "", d.Language.ToString().ToLowerInvariant(), d.PageCount.ToString(), d.ChunkCount.ToString(),
                Markup.Escape(string.Join(",", d.AccessGroups)), Markup.Escape(status));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{documents.Count} documents");
        return 0;
    }
}
