using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp search "&lt;q&gt;"</c>: the lexical lane (BM25 over jieba/English/identifier terms) on current documents.</summary>
internal sealed class SearchCommand : Command<SearchCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<query>")]
        public string Query { get; init; } = "";

        [CommandOption("-k|--top <N>")]
        [Description("Number of hits (default 5).")]
        public int K { get; init; } = 5;

        [CommandOption("--include-superseded")]
        [Description("Also search revisions that a newer one with the same document number has replaced.")]
        public bool IncludeSuperseded { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var index = IcpEnvironment.Load(settings.DataDir).OpenIndex();
        var hits = index.SearchLexical(settings.Query, settings.K, settings.IncludeSuperseded);
        if (hits.Count == 0)
        {
            AnsiConsole.WriteLine("no matching passages in the indexed documents");
            return 0;
        }

        var rank = 1;
        foreach (var hit in hits)
        {
            var pages = hit.PageStart is null ? "" : hit.PageStart == hit.PageEnd ? $", p. {hit.PageStart}" : $", pp. {hit.PageStart}-{hit.PageEnd}";
            AnsiConsole.MarkupLineInterpolated($"[bold][[{rank++}]] {hit.DocumentTitle}[/] — {hit.SectionPath}{pages}  (bm25 {hit.Score:F2})");
            AnsiConsole.WriteLine(hit.Text.Length > 400 ? hit.Text[..400] + "…" : hit.Text);
            AnsiConsole.WriteLine();
        }

        return 0;
    }
}
