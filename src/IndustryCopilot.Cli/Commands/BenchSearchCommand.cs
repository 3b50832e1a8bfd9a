using System.ComponentModel;
using System.Diagnostics;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Evaluation.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;
using IndustryCopilot.Hosting;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp bench search</c>: search latency on a synthetic index of N chunks (default 100,000) whose text is
/// recombined from the sentences of a real index, with identifiers sprinkled in and random unit vectors (the dense
/// scan costs the same whatever the vectors hold). Queries are the questions of the given sets, or sentences.
/// </summary>
internal sealed class BenchSearchCommand : AsyncCommand<BenchSearchCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--chunks <N>")]
        public int Chunks { get; init; } = 100_000;

        [CommandOption("--source <DIR>")]
        [Description("Data directory of an index whose sentences fill the synthetic chunks (default: the data directory).")]
        public string? Source { get; init; }

        [CommandOption("--index-dir <DIR>")]
        [Description("Where to build (and reuse) the synthetic index (default: a temporary folder, deleted after).")]
        public string? IndexDir { get; init; }

        [CommandOption("--questions <FILE>")]
        [Description("Question files (JSON Lines) whose questions are the queries (repeatable).")]
        public string[] Questions { get; init; } = [];

        [CommandOption("--queries <N>")]
        public int Queries { get; init; } = 200;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var environment = CopilotEnvironment.Load(settings.DataDir);
        var root = Path.GetFullPath(settings.IndexDir ?? Path.Combine(Path.GetTempPath(), "icp-bench-search-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            var bench = environment.ForDataDirectory(root);
            using var index = bench.OpenIndex();
            var sentences = Sentences(environment.ForDataDirectory(settings.Source ?? environment.Index.DataDirectory));
            var embedder = bench.Embedder();
            if (index.ChunkCount() < settings.Chunks)
            {
                var build = Stopwatch.StartNew();
                SyntheticIndex.Fill(index, sentences, settings.Chunks, embedder?.ModelId ?? "none", embedder?.Dimension ?? 384);
                AnsiConsole.WriteLine($"built {index.ChunkCount():N0} synthetic chunks in {build.Elapsed.TotalSeconds:F0} s at {index.DatabasePath}");
            }

            var queries = settings.Questions.SelectMany(f => Evaluation.Questions.QuestionSetReader.ReadJsonl(f, Path.GetDirectoryName(Path.GetFullPath(f))).Questions.Select(q => q.Question)).ToList();
            if (queries.Count == 0)
            {
                var random = new Random(7);
                queries = Enumerable.Range(0, settings.Queries).Select(_ => sentences[random.Next(sentences.Count)]).ToList();
            }

            queries = queries.Take(settings.Queries).ToList();
            var retriever = bench.Retriever(index, embedded: true);
            // The first searches build what the lanes hold in memory (postings, vectors, the Lucene Chinese index).
            var warm = Stopwatch.StartNew();
            var chinese = queries.FirstOrDefault(q => q.Any(c => c is >= '\u4e00' and <= '\u9fff')) ?? queries[0];
            await retriever.SearchAsync(new SearchRequest(queries[0]), cancellationToken);
            await retriever.SearchAsync(new SearchRequest(chinese), cancellationToken);
            var warmMs = warm.Elapsed.TotalMilliseconds;
            var totals = new List<double>();
            var withDense = new List<double>();
            var withoutDense = new List<double>();
            var stages = new Dictionary<string, List<double>>();
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                var response = await retriever.SearchAsync(new SearchRequest(query) { K = 10 }, cancellationToken);
                totals.Add(clock.Elapsed.TotalMilliseconds);
                (response.LanesRun.Contains(SearchLane.Dense) ? withDense : withoutDense).Add(clock.Elapsed.TotalMilliseconds);
                foreach (var (stage, ms) in response.TimingsMs.Where(t => t.Key != "total"))
                {
                    (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
                }
            }

            // A plant adds one manual: the next search brings every in-memory lane up to date. Removed again after, so a
            // reused --index-dir stays the size it was built to.
            var added = SyntheticIndex.Fill(index, sentences, (int)index.ChunkCount() + 1, embedder?.ModelId ?? "none", embedder?.Dimension ?? 384);
            var change = Stopwatch.StartNew();
            await retriever.SearchAsync(new SearchRequest(chinese), cancellationToken);
            var changeMs = change.Elapsed.TotalMilliseconds;
            foreach (var id in added)
            {
                index.RemoveDocument(id);
            }

            var table = new Table().AddColumns("stage", "queries", "p50 ms", "p95 ms");
            foreach (var (stage, values) in stages.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                values.Sort();
                table.AddRow(stage, values.Count.ToString(), VariantSummary.Percentile(values, 0.5).ToString("F1"), VariantSummary.Percentile(values, 0.95).ToString("F1"));
            }

            foreach (var (name, values) in new[] { ("search, queries the dense lane ran for", withDense), ("search, queries without the dense lane", withoutDense), ("[bold]search, all queries (k=10)[/]", totals) })
            {
                values.Sort();
                table.AddRow(name, values.Count.ToString(), VariantSummary.Percentile(values, 0.5).ToString("F1"), VariantSummary.Percentile(values, 0.95).ToString("F1"));
            }
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"index: {index.ChunkCount():N0} chunks; dense lane: {(embedder is null ? "off" : embedder.ModelId)}; first searches (building the in-memory lanes): {warmMs:N0} ms; first search after a {added.Count * SyntheticIndex.ChunksPerDocument}-chunk document was added: {changeMs:N0} ms");
            return 0;
        }
        finally
        {
            if (settings.IndexDir is null && Directory.Exists(root))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static List<string> Sentences(CopilotEnvironment source)
    {
        using var index = source.OpenIndex();
        var sentences = index.ListDocuments().SelectMany(d => index.GetChunks(d.Id)).SelectMany(c => SentenceSplitter.Split(c.Text)).Where(s => s.Length >= 8).ToList();
        return sentences.Count > 0 ? sentences : throw new InvalidOperationException($"the source index {source.Index.DatabasePath} holds no text; index a corpus first or pass --source");
    }
}
