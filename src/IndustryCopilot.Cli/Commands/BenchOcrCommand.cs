using System.ComponentModel;
using System.Diagnostics;
using IndustryCopilot.Core.Ingestion.Ocr;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Evaluation.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary><c>icp bench ocr &lt;pdf&gt; [--truth &lt;txt&gt;]</c>: OCR of the PDF's pages without a text layer — pages/s and character accuracy.</summary>
internal sealed class BenchOcrCommand : AsyncCommand<BenchOcrCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandArgument(0, "<pdf>")]
        public string Pdf { get; init; } = "";

        [CommandOption("--truth <TXT>")]
        [Description("Reference text of the scanned pages, for character accuracy.")]
        public string? Truth { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        var read = new PdfReader(environment.Ingestion).Read(settings.Pdf, cancellationToken);
        if (!read.Succeeded)
        {
            throw new InvalidOperationException(read.Error);
        }

        var pages = read.Document!.PagesNeedingOcr;
        if (pages.Count == 0)
        {
            AnsiConsole.WriteLine($"{settings.Pdf}: every page has a text layer; nothing to OCR");
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var results = await new PdfPageOcr(environment.Ocr).RecognizeAsync(Path.GetFullPath(settings.Pdf), pages, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var text = string.Join("\n", results.Where(r => r.Result is not null).SelectMany(r => r.Result!.Paragraphs));
        var table = new Table().AddColumns("pages", "recognised", "seconds", "pages/s", "mean confidence", "character accuracy");
        var recognised = results.Where(r => r.Result is not null).ToList();
        table.AddRow(
            pages.Count.ToString(),
            recognised.Count.ToString(),
            seconds.ToString("F1"),
            (pages.Count / seconds).ToString("F2"),
            recognised.Count == 0 ? "–" : recognised.Average(r => r.Result!.MeanConfidence).ToString("F1"),
            settings.Truth is null ? "–" : CharacterAccuracy.Of(text, File.ReadAllText(settings.Truth)).ToString("P1"));
        AnsiConsole.Write(table);
        foreach (var (page, _, error) in results.Where(r => r.Error is not null))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]page {page}[/]: {error}");
        }

        return 0;
    }
}
