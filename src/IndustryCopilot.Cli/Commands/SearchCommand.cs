using System.ComponentModel;
using IndustryCopilot.Core.Retrieval;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp search "&lt;q&gt;"</c>: hybrid search with each lane's rank and score, and what the query was understood as.</summary>
internal sealed class SearchCommand : AsyncCommand<SearchCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<query>")]
        public string Query { get; init; } = "";

        [CommandOption("-k|--top <N>")]
        [Description("Number of hits (default 5).")]
        public int K { get; init; } = 5;

        [CommandOption("--filter <KEY=VALUE>")]
        [Description("Restrict to documents: doc=<id>, type=, lang=zh|en|mixed, equipment=, line=, group= (repeatable).")]
        public string[] Filters { get; init; } = [];

        [CommandOption("--lanes <LANES>")]
        [Description("Lanes to run: all (default), or a comma list of lexical, dense, identifier, chinesebm25 (the translated lane runs with lexical).")]
        public string Lanes { get; init; } = "all";

        [CommandOption("--include-superseded")]
        [Description("Also search revisions that a newer one with the same document number has replaced.")]
        public bool IncludeSuperseded { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        using var index = environment.OpenIndex();
        var retriever = environment.Retriever(index);
        var response = await retriever.SearchAsync(
            new SearchRequest(settings.Query)
            {
                K = settings.K,
                Filter = SearchFilter.Parse(settings.Filters, settings.IncludeSuperseded),
                Lanes = LaneList.Parse(settings.Lanes),
            },
            cancellationToken);

        var q = response.Query;
        AnsiConsole.MarkupLineInterpolated($"[grey]language {q.Language.ToString().ToLowerInvariant()}; terms: {string.Join(" ", q.Terms)}[/]");
        if (q.Identifiers.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]identifiers: {string.Join(", ", q.Identifiers.Select(i => $"{i.Term} ({i.Kind.ToString().ToLowerInvariant()})"))}[/]");
        }

        if (q.Mentions.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]documents named: {string.Join(", ", q.Mentions.Select(m => m.Title))}[/]");
        }

        foreach (var (phrase, synonyms) in q.Expansions)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]glossary: {phrase} → {string.Join(" | ", synonyms)}[/]");
        }

        if (q.Translation is { } translation)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]translated to {translation.To.ToString().ToLowerInvariant()}:[/]");
            foreach (var line in translation.Describe())
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]  {line}[/]");
            }
        }

        AnsiConsole.MarkupLineInterpolated($"[grey]lanes: {string.Join(", ", response.LanesRun).ToLowerInvariant()}; {response.TimingsMs["total"]:F1} ms ({string.Join(", ", response.TimingsMs.Where(t => t.Key != "total").Select(t => $"{t.Key} {t.Value:F1}"))})[/]");
        if (response.Hits.Count == 0)
        {
            AnsiConsole.WriteLine("no matching passages in the indexed documents");
            return 0;
        }

        var table = new Table().AddColumns("#", "document", "section", "page", "lexical", "dense", "identifier", "translated", "fused");
        var rank = 1;
        foreach (var hit in response.Hits)
        {
            table.AddRow(
                (rank++).ToString(),
                Markup.Escape(hit.Document.Title),
                Markup.Escape(hit.Chunk.SectionPath),
                Core.Answering.CitationFormat.Pages(hit.Chunk) ?? "",
                Lane(hit, SearchLane.Lexical),
                Lane(hit, SearchLane.Dense),
                Lane(hit, SearchLane.Identifier),
                Lane(hit, SearchLane.Translated),
                hit.Score.ToString("F4"));
        }

        AnsiConsole.Write(table);
        rank = 1;
        foreach (var hit in response.Hits)
        {
            var text = hit.Chunk.Text.Length > 300 ? hit.Chunk.Text[..300] + "…" : hit.Chunk.Text;
            var pages = Core.Answering.CitationFormat.Pages(hit.Chunk) is { } p ? ", " + p : "";
            AnsiConsole.MarkupLineInterpolated($"[bold][[{rank++}]] {hit.Document.Title}[/] — {hit.Chunk.SectionPath}{pages}");
            AnsiConsole.WriteLine(text);
        }

        return 0;
    }

    private static string Lane(RetrievedChunk hit, SearchLane lane) =>
        hit.Lanes.TryGetValue(lane, out var r) ? $"#{r.Rank} ({r.Score:0.###})" : "–";
}
