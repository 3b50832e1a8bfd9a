using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Globalization;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Answerability;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Evaluation;
using IndustryCopilot.Evaluation.Baseline;
using IndustryCopilot.Evaluation.Calibration;
using IndustryCopilot.Evaluation.Metrics;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp eval &lt;questions&gt;...</c>: indexes each set's corpus (into a temporary index, or a reusable one under
/// <c>--index-dir</c>), then reports every retrieval variant and the Lucene baseline side by side, plus refusal and
/// citation validity of quote-mode answers, as Markdown and JSON.
/// </summary>
internal sealed class EvalCommand : AsyncCommand<EvalCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "[questions]")]
        [Description("Question files: JSON Lines as in ../shared/eval/questions/README.md, or a SQuAD-layout .json (CMRC 2018). With --verifier: the document folders to write answers about.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--verifier")]
        [Description("Run the verifier benchmark instead: planted-error, correct and not-in-the-documents answers over the given folders, through the orchestrator with a stand-in model (docs/evaluation.md, Verifier).")]
        public bool Verifier { get; init; }

        [CommandOption("--per-kind <N>")]
        [Description("With --verifier: answers per kind and language (default 15).")]
        public int PerKind { get; init; } = 15;

        [CommandOption("--corpus <DIR>")]
        [Description("Folder of the documents for question files whose documents are not found beside them.")]
        public string? Corpus { get; init; }

        [CommandOption("--index-dir <DIR>")]
        [Description("Keep the evaluation indexes here and reuse them (default: a temporary folder, deleted after).")]
        public string? IndexDir { get; init; }

        [CommandOption("--sample <N>")]
        [Description("Only the first N questions of each type (a quick check; the full run is the benchmark).")]
        public int? Sample { get; init; }

        [CommandOption("--json <FILE>")]
        public string? JsonFile { get; init; }

        [CommandOption("--markdown <FILE>")]
        public string? MarkdownFile { get; init; }

        [CommandOption("--cross-validate")]
        [Description("Fit the answerability model and thresholds on all sets but one and measure on that one, for every set; then print the fit over all sets.")]
        public bool CrossValidate { get; init; }

        [CommandOption("--records <FILE>")]
        [Description("Write each question's answerability signals and outcome labels as JSON Lines (to refit on a plant's own questions).")]
        public string? RecordsFile { get; init; }

        [CommandOption("--misses")]
        [Description("List the questions the product missed (recall@5 below 1, wrong refusals).")]
        public bool Misses { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        var temporary = settings.IndexDir is null;
        var root = Path.GetFullPath(settings.IndexDir ?? Path.Combine(Path.GetTempPath(), "icp-eval-" + Guid.NewGuid().ToString("N")[..8]));
        if (settings.Verifier)
        {
            try
            {
                var verifier = await VerifierBenchmark.RunAsync(environment, settings.Files.Length > 0 ? [.. settings.Files.Select(Path.GetFullPath)] : [Path.GetFullPath("corpus")], root, settings.PerKind, settings.Misses, cancellationToken);
                Console.WriteLine(verifier);
                if (settings.MarkdownFile is not null)
                {
                    await File.WriteAllTextAsync(settings.MarkdownFile, verifier, cancellationToken);
                }

                return 0;
            }
            finally
            {
                if (temporary && Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }

        if (settings.Files.Length == 0)
        {
            throw new ArgumentException("name one or more question files (or --verifier)");
        }

        var reports = new List<SetReport>();
        try
        {
            foreach (var file in settings.Files)
            {
                var set = Evaluation.Questions.QuestionSetReader.Read(file, settings.Corpus, Path.Combine(root, "corpora"));
                if (set.LeftOut > 0)
                {
                    Console.Error.WriteLine($"{set.Name}: {set.Questions.Count} questions matched to a corpus section, {set.LeftOut} left out (section not in the corpus)");
                }
                if (settings.Sample is { } n)
                {
                    set = set with { Questions = set.Questions.GroupBy(q => q.Type).SelectMany(g => g.Take(n)).ToList() };
                }

                reports.Add(await EvaluateAsync(environment, set, root, cancellationToken));
            }
        }
        finally
        {
            if (temporary && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        var markdown = EvalReportWriter.Markdown(reports);
        if (settings.CrossValidate)
        {
            markdown += CrossValidation(reports);
        }

        Console.WriteLine(markdown);
        if (settings.Misses)
        {
            foreach (var report in reports)
            {
                Console.WriteLine($"{report.Name} misses:");
                report.Misses.ToList().ForEach(m => Console.WriteLine("  " + m));
            }
        }

        if (settings.MarkdownFile is not null)
        {
            File.WriteAllText(settings.MarkdownFile, markdown);
        }

        if (settings.RecordsFile is not null)
        {
            File.WriteAllLines(settings.RecordsFile, reports.SelectMany(r => r.Records).Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
        }

        if (settings.JsonFile is not null)
        {
            File.WriteAllText(settings.JsonFile, EvalReportWriter.Json(reports));
        }

        return 0;
    }

    private static string CrossValidation(List<SetReport> reports)
    {
        var records = reports.SelectMany(r => r.Records).ToList();
        var folds = AnswerabilityCalibration.LeaveOneSetOut(records);
        var text = new StringBuilder(EvalReportWriter.AnswerTable("Cross-validated answers (leave one set out: each row from a model and thresholds fitted on the other sets only):", [.. folds.Select(f => (f.Set, f.Summary))]));
        foreach (var (set, _, fit) in folds)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- without {set}: gate {fit.GateThreshold:0.000}, answer {fit.AnswerThreshold:0.000}");
        }

        var all = AnswerabilityCalibration.Fit(records);
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Fitted on all sets: gate {all.GateThreshold:0.0000}, answer {all.AnswerThreshold:0.0000}, bias {all.Model.Bias:0.0000}");
        foreach (var (name, weight) in AnswerabilitySignals.Names.Zip(all.Model.Weights))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {weight:0.0000}");
        }

        return text.ToString();
    }

    private static async Task<SetReport> EvaluateAsync(CopilotEnvironment environment, Evaluation.Questions.QuestionSet set, string root, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(set.CorpusDirectory)))[..10];
        var data = Path.Combine(root, "index-" + key);
        var scoped = environment.ForDataDirectory(data);
        using var index = scoped.OpenIndex();
        Console.Error.WriteLine($"{set.Name}: indexing {set.CorpusDirectory} into {data}");
        var report = await scoped.Pipeline(index).RunAsync(new IngestionRequest { Paths = [set.CorpusDirectory], Prune = true }, null, cancellationToken);
        Console.Error.WriteLine($"{set.Name}: {report.Files.Count} files ({report.Failed} failed) in {report.Elapsed.TotalSeconds:0.0} s; {set.Questions.Count} questions");
        var retriever = scoped.Retriever(index, embedded: true);
        using var baseline = LuceneBaseline.Over(index);
        return await new EvalRunner(retriever, new QuoteAnswerer(retriever, environment.Answering), baseline).RunAsync(set, cancellationToken);
    }
}
