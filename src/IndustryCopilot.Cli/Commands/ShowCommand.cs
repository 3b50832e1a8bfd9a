using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp show &lt;doc&gt; [--chunks]</c>: metadata, and how the document was cut so a person can judge it.</summary>
internal sealed class ShowCommand : Command<ShowCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<doc>")]
        [Description("Document id, source path, or a unique part of its title.")]
        public string Document { get; init; } = "";

        [CommandOption("--chunks")]
        [Description("List every chunk: section path, clause, pages, size and the start of its text.")]
        public bool Chunks { get; init; }

        [CommandOption("--full")]
        [Description("With --chunks: print each chunk's whole text.")]
        public bool Full { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var index = CopilotEnvironment.Load(settings.DataDir).OpenIndex();
        var d = DocumentSelector.Single(index, settings.Document);
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, object? value) => grid.AddRow(name, Markup.Escape(value?.ToString() ?? ""));
        Row("id", d.Id);
        Row("title", d.Title);
        Row("number", d.DocumentNumber);
        Row("revision", d.Revision);
        Row("date", d.EffectiveDate?.ToString("yyyy-MM-dd"));
        Row("status", d.SupersededBy is null ? d.Status.ToString().ToLowerInvariant() : $"superseded by {d.SupersededBy}");
        Row("language", d.Language.ToString().ToLowerInvariant());
        Row("format", d.Format);
        Row("source", d.SourcePath);
        Row("pages", d.PageCount);
        Row("needs OCR", d.PagesNeedingOcr.Count == 0 ? "no" : "pages " + string.Join(", ", d.PagesNeedingOcr));
        Row("chunks", d.ChunkCount);
        Row("groups", string.Join(", ", d.AccessGroups));
        Row("doc type", d.DocType);
        Row("equipment", d.Equipment);
        Row("line", d.Line);
        Row("hash", d.ContentHash);
        AnsiConsole.Write(grid);

        if (settings.Chunks)
        {
            var table = new Table().AddColumns("#", "kind", "section path", "clause", "pages", "tokens", "text");
            foreach (var c in index.GetChunks(d.Id))
            {
                var pages = c.PageStart is null ? "" : c.PageStart == c.PageEnd ? $"{c.PageStart}" : $"{c.PageStart}-{c.PageEnd}";
                var text = settings.Full ? c.Text : Preview(c.Text);
                table.AddRow(c.Ordinal.ToString(), c.Kind.ToString().ToLowerInvariant(), Markup.Escape(c.SectionPath), Markup.Escape(c.ClauseLabel ?? ""), pages, c.TokenCount.ToString(), Markup.Escape(text));
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }

    private static string Preview(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length <= 80 ? flat : flat[..80] + "…";
    }
}
