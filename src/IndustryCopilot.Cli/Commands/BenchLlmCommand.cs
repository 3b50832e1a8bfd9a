using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Evaluation.Metrics;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Llama;
using Microsoft.Extensions.AI;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp bench llm --model x.gguf</c>: for each question, the full answer flow (retrieve, prompt, Semantic Kernel →
/// LLamaSharp generation, verify) and then the same prompt sent straight to the model's chat client, one after the
/// other, so both see the same machine load. Unless <c>--natural</c>, end-of-turn tokens are forbidden so every run
/// generates exactly <c>--max-tokens</c> tokens and the two generation times compare like for like.
/// </summary>
internal sealed partial class BenchLlmCommand : AsyncCommand<BenchLlmCommand.Settings>
{
    internal static readonly string[] DefaultQuestions =
    [
        "M12 螺栓的拧紧力矩是多少？", "What is the oil change interval of the AC-37 compressor?", "Q/HD 006 规定的尺寸公差是多少？",
        "What should be done when alarm E-203 appears during spindle warm-up?", "What is the lockout procedure before maintenance?",
        "How long is the spindle warm-up after a stop of more than 72 hours?",
    ];

    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--model <GGUF>")]
        [Description("The GGUF model (default: Llm:LlamaSharp:ModelPath).")]
        public string? Model { get; init; }

        [CommandOption("--questions <FILE>")]
        [Description("Question files (JSON Lines); default: six questions about corpus/ (repeatable).")]
        public string[] Questions { get; init; } = [];

        [CommandOption("--rounds <N>")]
        public int Rounds { get; init; } = 3;

        [CommandOption("--max-tokens <N>")]
        [Description("Tokens generated per answer. Default 64.")]
        public int MaxTokens { get; init; } = 64;

        [CommandOption("--natural")]
        [Description("Let the model stop when it wants (times then vary with what it writes).")]
        public bool Natural { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        var options = environment.LlamaModel;
        options.ModelPath = settings.Model ?? options.ModelPath;
        using var model = LlamaModel.Load(options);
        var bias = settings.Natural ? null : model.EndOfGenerationTokens().ToDictionary(t => t, _ => float.NegativeInfinity);
        using var raw = model.CreateChatClient(bias);
        using var backend = ChatBackends.FromLlama(model, bias, ownsModel: false);
        using var index = environment.OpenIndex();
        environment.Generation.MaxAnswerTokens = settings.MaxTokens;
        using var orchestrator = environment.Orchestrator(index, backend);

        var questions = settings.Questions.SelectMany(f => Evaluation.Questions.QuestionSetReader.ReadJsonl(f, Path.GetDirectoryName(Path.GetFullPath(f))).Questions.Select(q => q.Question)).ToList();
        if (questions.Count == 0)
        {
            questions = [.. DefaultQuestions];
        }

        var overhead = new List<double>();
        var generate = new List<double>();
        var direct = new List<double>();
        var stages = new Dictionary<string, List<double>> { ["retrieve"] = [], ["prompt"] = [], ["verify"] = [] };
        var refused = 0;
        await Warm(raw, cancellationToken);
        foreach (var question in questions.Distinct())
        {
            await orchestrator.BuildPromptAsync(question, Core.Retrieval.SearchFilter.None, cancellationToken);
        }

        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var question in questions)
            {
                var answer = ((AnswerCompleted)await orchestrator.AskAsync(new AskRequest(question), cancellationToken)).Answer;
                if (!answer.TimingsMs.TryGetValue("generate", out var generated))
                {
                    refused++;
                    continue;
                }

                foreach (var (stage, list) in stages)
                {
                    list.Add(answer.TimingsMs.GetValueOrDefault(stage));
                }

                overhead.Add(stages.Sum(s => s.Value[^1]) + answer.TimingsMs.GetValueOrDefault("queue"));
                generate.Add(generated);
                var (prompt, _) = await orchestrator.BuildPromptAsync(question, Core.Retrieval.SearchFilter.None, cancellationToken);
                direct.Add(await TimeDirect(raw, prompt, settings.MaxTokens, cancellationToken));
            }
        }

        Report(model, settings, questions.Count, refused, overhead, generate, direct, stages);
        return 0;
    }

    private static void Report(LlamaModel model, Settings settings, int questions, int refused, List<double> overhead, List<double> generate, List<double> direct, Dictionary<string, List<double>> stages)
    {
        AnsiConsole.MarkupLineInterpolated($"model [bold]{model.Name}[/] ({model.ModelPath}); {questions} questions × {settings.Rounds} rounds; {(settings.Natural ? "natural stop" : $"{settings.MaxTokens} tokens each")}; {generate.Count} generated, {refused} refused before generation");
        if (generate.Count == 0)
        {
            AnsiConsole.WriteLine("nothing was generated (every question refused: is the index empty?)");
            return;
        }

        var table = new Table().AddColumns("ms", "p50", "p95", "mean");
        void Row(string name, List<double> values) => table.AddRow(name, $"{P(values, 0.50):F1}", $"{P(values, 0.95):F1}", $"{values.Average():F1}");
        foreach (var (stage, values) in stages)
        {
            Row("  " + stage, values);
        }

        Row("orchestration overhead (retrieve + prompt + verify)", overhead);
        Row("generation in the flow (Semantic Kernel → LLamaSharp)", generate);
        Row("raw model, same prompt (IChatClient)", direct);
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"overhead p95 {P(overhead, 0.95):F1} ms (target ≤ 50); generation in the flow / raw (medians) {P(generate, 0.50) / P(direct, 0.50):F2}");
    }

    private static double P(List<double> values, double p) => VariantSummary.Percentile([.. values.Order()], p);

    // The first calls pay for loading the CPU backend's kernels, the segmenter's dictionary and the in-memory postings;
    // keep them out of the figures.
    private static Task<ChatResponse> Warm(IChatClient client, CancellationToken cancellationToken) =>
        client.GetResponseAsync([new ChatMessage(ChatRole.User, "warm up")], new ChatOptions { MaxOutputTokens = 4 }, cancellationToken);

    private static async Task<double> TimeDirect(IChatClient client, string renderedPrompt, int maxTokens, CancellationToken cancellationToken)
    {
        var messages = Message().Matches(renderedPrompt)
            .Select(m => new ChatMessage(m.Groups[1].Value == "system" ? ChatRole.System : ChatRole.User, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .ToList();
        var clock = Stopwatch.StartNew();
        await foreach (var _ in client.GetStreamingResponseAsync(messages, new ChatOptions { MaxOutputTokens = maxTokens, Temperature = 0.1f }, cancellationToken))
        {
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    [GeneratedRegex("<message role=\"(\\w+)\">(.*?)</message>", RegexOptions.Singleline)]
    private static partial Regex Message();
}
