using System.ComponentModel;
using System.Diagnostics;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Evaluation.Metrics;
using IndustryCopilot.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp bench concurrency</c>: N searches one after another against N at once, over the data directory's index, in
/// one run — once with the embedded index as it is, once with each index call delayed (a stand-in for Qdrant across a
/// network). One after another is what a process-wide retrieval lock made of concurrent requests; at once is what the
/// server does now. Reports the medians over several rounds and the ratio of N at once to a single search.
/// </summary>
internal sealed class BenchConcurrencyCommand : AsyncCommand<BenchConcurrencyCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--searches <N>")]
        [Description("Searches per round. Default 8.")]
        public int Searches { get; init; } = 8;

        [CommandOption("--delay-ms <MS>")]
        [Description("Delay of each index call in the second measurement. Default 20.")]
        public int DelayMs { get; init; } = 20;

        [CommandOption("--rounds <N>")]
        public int Rounds { get; init; } = 15;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Searches is < 1 or > 256 || settings.DelayMs is < 0 or > 10_000 || settings.Rounds is < 1 or > 1000)
        {
            throw new ArgumentException("--searches 1–256, --delay-ms 0–10000, --rounds 1–1000");
        }

        var environment = CopilotEnvironment.Load(settings.DataDir);
        using var index = environment.OpenIndex();
        if (index.ChunkCount() == 0)
        {
            throw new ArgumentException($"the index at {index.DatabasePath} is empty: index documents first (./icp index corpus)");
        }

        var queries = BenchLlmCommand.DefaultQuestions;
        var table = new Table().AddColumns("index calls", "1 search ms", $"{settings.Searches} one after another ms", $"{settings.Searches} at once ms", "at once ÷ 1 search");
        foreach (var delay in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(settings.DelayMs) })
        {
            var search = new EmbeddedSearchIndex(index, environment.VectorModel());
            var retriever = environment.Retriever(index, delay == TimeSpan.Zero ? search : new DelayedSearchIndex(search, delay));
            foreach (var query in queries)
            {
                await retriever.SearchAsync(new SearchRequest(query), cancellationToken);
            }

            var single = new List<double>();
            var serial = new List<double>();
            var parallel = new List<double>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                var batch = Enumerable.Range(0, settings.Searches).Select(i => queries[(round + i) % queries.Length]).ToList();
                single.Add(await TimeAsync(() => retriever.SearchAsync(new SearchRequest(batch[0]), cancellationToken)));
                serial.Add(await TimeAsync(async () =>
                {
                    foreach (var query in batch)
                    {
                        await retriever.SearchAsync(new SearchRequest(query), cancellationToken);
                    }
                }));
                parallel.Add(await TimeAsync(() => Task.WhenAll(batch.Select(q => Task.Run(() => retriever.SearchAsync(new SearchRequest(q), cancellationToken), cancellationToken)))));
            }

            var one = Median(single);
            table.AddRow(delay == TimeSpan.Zero ? "embedded" : $"+{delay.TotalMilliseconds:F0} ms each", $"{one:F1}", $"{Median(serial):F1}", $"{Median(parallel):F1}", $"{Median(parallel) / one:F2}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{index.ChunkCount():N0} chunks; medians of {settings.Rounds} rounds; {Environment.ProcessorCount} cores; a search calls the index once per lane query (more for questions naming documents or in parts)[/]");
        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values) => VariantSummary.Percentile([.. values.Order()], 0.5);
}
