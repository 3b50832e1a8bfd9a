using System.ComponentModel;
using System.Text.Json;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Answering;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp ask "&lt;q&gt;"</c>: with a model (<c>--model x.gguf</c> or <c>Llm:*</c>) streams the model's words, then
/// prints the verified answer if verification changed it, the citations and what verification removed; without one,
/// a quote-mode answer (answered, closest passages or not found). Either way a not-found answer names documents to check.
/// </summary>
internal sealed class AskCommand : AsyncCommand<AskCommand.Settings>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) }, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<question>")]
        public string Question { get; init; } = "";

        [CommandOption("--filter <KEY=VALUE>")]
        [Description("Restrict to documents: doc=<id>, type=, lang=, equipment=, line=, group= (repeatable).")]
        public string[] Filters { get; init; } = [];

        [CommandOption("--model <GGUF>")]
        [Description("Generate the answer with this GGUF model in-process (overrides Llm:Provider and Llm:LlamaSharp:ModelPath).")]
        public string? Model { get; init; }

        [CommandOption("--quote")]
        [Description("Quote mode even if a model is configured.")]
        public bool Quote { get; init; }

        [CommandOption("--show-prompt")]
        [Description("Print the exact prompt the local model receives (after its chat template).")]
        public bool ShowPrompt { get; init; }

        [CommandOption("--json")]
        [Description("Print the answer object as JSON (what the HTTP API returns).")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir, CopilotEnvironment.ModelFlag(settings.Model));
        using var index = environment.OpenIndex();
        string? prompt = null;
        using var backend = settings.Quote ? null : environment.Backend(StandardErrorLogger.Instance, promptObserver: settings.ShowPrompt ? p => prompt = p : null);
        using var orchestrator = environment.Orchestrator(index, backend);

        Answer? answer = null;
        var streamed = false;
        await foreach (var e in orchestrator.AskStreamingAsync(new AskRequest(settings.Question) { Filter = SearchFilter.Parse(settings.Filters) }, cancellationToken))
        {
            switch (e)
            {
                case AnswerToken token when !settings.Json:
                    Console.Write(token.Text);
                    streamed = true;
                    break;
                case AnswerBusy busy:
                    Console.Error.WriteLine($"error: the model is busy; try again in {busy.RetryAfter.TotalSeconds:F0} s");
                    return 3;
                case AnswerCompleted completed:
                    answer = completed.Answer;
                    break;
            }
        }

        if (answer is null)
        {
            return 1;
        }

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(answer, Json));
            return 0;
        }

        if (prompt is not null)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.Write(new Rule("prompt") { Justification = Justify.Left });
            AnsiConsole.WriteLine(prompt);
        }

        Print(answer, streamed, environment.Answering.AnswerThreshold);
        return 0;
    }

    private static void Print(Answer answer, bool streamed, double threshold)
    {
        if (streamed)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.Write(new Rule(answer.Verification is { Clean: true } && answer.Mode == AnswerMode.Generated ? "verified" : "verified answer") { Justification = Justify.Left });
        }

        if (answer.Notice is { } notice)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{notice}[/]");
        }

        if (answer.Reason is { } reason)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{reason}[/]");
        }

        if (answer.Revision is { } revision)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{revision.Text}[/]");
        }

        if (answer.Choice is { } choice)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{choice}[/]");
        }

        // The streamed words were unverified; show the final text unless it is the same.
        if (!streamed || answer.Mode != AnswerMode.Generated || answer.Verification is not { Clean: true })
        {
            AnsiConsole.WriteLine(answer.Text);
        }

        if (answer.Citations.Count > 0)
        {
            AnsiConsole.WriteLine();
            foreach (var citation in answer.Citations)
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]{CitationFormat.Line(citation)}[/]");
                AnsiConsole.MarkupLineInterpolated($"    [grey]“{citation.Quote}”[/]");
            }
        }

        if (answer.Verification is { } report && !report.Clean)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine("[yellow]Verification:[/]");
            if (report.DroppedMarkers.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"  dropped markers to no source: {string.Join(" ", report.DroppedMarkers.Select(n => $"[{n}]"))}");
            }

            foreach (var u in report.Unsupported)
            {
                AnsiConsole.MarkupLineInterpolated($"  {(u.Removed ? "removed" : "flagged")}: “{u.Text}” — {u.Detail}");
            }
        }

        var timings = string.Join(", ", answer.TimingsMs.Where(t => t.Key != "total").Select(t => $"{t.Key} {t.Value:F0}"));
        var model = answer.Model is null ? "" : $"; model {answer.Model}";
        AnsiConsole.MarkupLineInterpolated($"[grey]mode {answer.Mode.ToString().ToLowerInvariant()}; outcome {answer.Outcome.ToString().ToLowerInvariant()}{model}; support {answer.Support:F2}; answerability {answer.Answerability:F4} (answers outright from {threshold:F4}); {answer.TimingsMs.GetValueOrDefault("total"):F0} ms ({timings})[/]");
    }
}
