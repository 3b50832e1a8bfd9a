using System.ComponentModel;
using System.Text.Json;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Retrieval;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp ask "&lt;q&gt;"</c>: a quote-mode answer with numbered citations, or a refusal naming documents to check.</summary>
internal sealed class AskCommand : Command<AskCommand.Settings>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) }, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<question>")]
        public string Question { get; init; } = "";

        [CommandOption("--filter <KEY=VALUE>")]
        [Description("Restrict to documents: doc=<id>, type=, lang=, equipment=, line=, group= (repeatable).")]
        public string[] Filters { get; init; } = [];

        [CommandOption("--json")]
        [Description("Print the answer object as JSON (what the HTTP API returns).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = IcpEnvironment.Load(settings.DataDir);
        using var index = environment.OpenIndex();
        var answerer = new QuoteAnswerer(environment.Retriever(index), environment.Answering);
        var answer = answerer.Ask(settings.Question, SearchFilter.Parse(settings.Filters));
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(answer, Json));
            return 0;
        }

        AnsiConsole.WriteLine(answer.Text);
        if (answer.Citations.Count > 0)
        {
            AnsiConsole.WriteLine();
            foreach (var citation in answer.Citations)
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]{CitationFormat.Line(citation)}[/]");
                AnsiConsole.MarkupLineInterpolated($"    [grey]“{citation.Quote}”[/]");
            }
        }

        AnsiConsole.MarkupLineInterpolated($"[grey]mode {answer.Mode.ToString().ToLowerInvariant()}; support {answer.Support:F2}; {answer.TimingsMs["total"]:F0} ms[/]");
        return 0;
    }
}
