using System.ComponentModel;
using System.Diagnostics;
using System.Net.Http.Json;
using IndustryCopilot.Evaluation.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// <c>icp bench http --url … --key …</c>: N concurrent clients call one endpoint after another for a fixed time each,
/// in one run, so the endpoints are compared under the same machine load: requests/s, p50/p95/p99 latency and errors
/// (non-2xx or failed requests, by status). Quote-mode asks unless the server has a model. The server's per-key rate
/// limit counts too: start it with <c>ICP_Server__RequestsPerMinute=1000000</c> to measure the server, not the limit.
/// Several <c>--clients</c> run one after another in the same run, each with its throughput as a ratio to the first:
/// how far the server scales with concurrent callers on this machine.
/// </summary>
internal sealed class BenchHttpCommand : AsyncCommand<BenchHttpCommand.Settings>
{
    internal sealed class Settings : IcpSettings
    {
        [CommandOption("--url <URL>")]
        [Description("The server (repeatable: replicas of one group share the clients round-robin, as a load balancer would). Default http://127.0.0.1:5080.")]
        public string[] Urls { get; init; } = [];

        [CommandOption("--key <KEY>")]
        [Description("An API key (default: $ICP_API_KEY; none for a server that lets loopback callers in).")]
        public string? Key { get; init; }

        [CommandOption("--clients <N>")]
        [Description("Concurrent clients (repeatable: e.g. --clients 1 --clients 2 --clients 4 --clients 8 --clients 32). Default 32.")]
        public int[] Clients { get; init; } = [];

        [CommandOption("--seconds <N>")]
        [Description("Measured time per endpoint, after a 3 s warm-up. Default 30.")]
        public int Seconds { get; init; } = 30;

        [CommandOption("--questions <FILE>")]
        [Description("JSON Lines files with a \"question\" field (e.g. ../shared/eval/questions/*.jsonl); default: six questions about corpus/ (repeatable).")]
        public string[] Questions { get; init; } = [];

        [CommandOption("--endpoint <NAME>")]
        [Description("search, ask (repeatable). Default both.")]
        public string[] Endpoints { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        int[] levels = settings.Clients.Length > 0 ? settings.Clients : [32];
        if (levels.Any(c => c is < 1 or > 1024) || settings.Seconds is < 1 or > 3600)
        {
            throw new ArgumentException("--clients 1–1024 and --seconds 1–3600");
        }

        var endpoints = settings.Endpoints.Length > 0 ? settings.Endpoints : ["search", "ask"];
        if (endpoints.FirstOrDefault(e => e is not ("search" or "ask")) is { } unknown)
        {
            throw new ArgumentException($"unknown endpoint '{unknown}': search or ask");
        }

        string[] urls = settings.Urls.Length > 0 ? settings.Urls : ["http://127.0.0.1:5080"];
        var key = settings.Key ?? Environment.GetEnvironmentVariable("ICP_API_KEY");
        var servers = urls.Select(url => Client(url, key, levels.Max())).ToList();
        IReadOnlyList<string> questions = settings.Questions.Length == 0 ? BenchLlmCommand.DefaultQuestions : LoadQuestions(settings.Questions);
        foreach (var server in servers)
        {
            (await server.GetAsync("/health/ready", cancellationToken)).EnsureSuccessStatusCode();
        }

        var table = new Table().AddColumns("endpoint", "clients", "seconds", "requests", "req/s", "× first", "p50 ms", "p95 ms", "p99 ms", "errors");
        foreach (var endpoint in endpoints)
        {
            double? first = null;
            foreach (var clients in levels)
            {
                await RunAsync(servers, endpoint, questions, clients, TimeSpan.FromSeconds(3), cancellationToken);
                var run = await RunAsync(servers, endpoint, questions, clients, TimeSpan.FromSeconds(settings.Seconds), cancellationToken);
                var sorted = run.Latencies.Order().ToList();
                var rate = sorted.Count / run.Elapsed.TotalSeconds;
                first ??= rate;
                var errors = run.Errors.Count == 0 ? "0" : string.Join(", ", run.Errors.Select(e => $"{e.Key}×{e.Value}"));
                table.AddRow(endpoint, clients.ToString(), settings.Seconds.ToString(), sorted.Count.ToString(), $"{rate:F1}", $"{rate / first:F2}",
                    $"{VariantSummary.Percentile(sorted, 0.50):F1}", $"{VariantSummary.Percentile(sorted, 0.95):F1}", $"{VariantSummary.Percentile(sorted, 0.99):F1}", errors);
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(string.Join(", ", urls))}; {questions.Count} distinct questions; {Environment.ProcessorCount} cores on this machine (the clients share them with the servers when they run here)[/]");
        foreach (var server in servers)
        {
            server.Dispose();
        }

        return 0;
    }

    private static HttpClient Client(string url, string? key, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(120),
        };
        if (key is { Length: > 0 })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return http;
    }

    private static List<string> LoadQuestions(IEnumerable<string> files) =>
        [.. files.SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.TryGetProperty("question", out var q) ? q.GetString() : null)
            .OfType<string>().Where(q => q.Length is > 0 and <= 2000).Distinct(StringComparer.Ordinal)];

    // Client i talks to server i mod n for the whole run, as a load balancer spreading connections would.
    private static async Task<(List<double> Latencies, Dictionary<string, int> Errors, TimeSpan Elapsed)> RunAsync(List<HttpClient> servers, string endpoint, IReadOnlyList<string> questions, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var errors = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var http = servers[client % servers.Count];
            var mine = new List<double>();
            var failed = new List<string>();
            for (var i = client; clock.Elapsed < duration; i++)
            {
                var question = questions[i % questions.Count];
                object body = endpoint == "search" ? new { query = question, k = 10 } : new { question };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync(endpoint == "search" ? "/api/search" : "/api/ask", body, cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        failed.Add(((int)response.StatusCode).ToString());
                    }
                }
                catch (HttpRequestException e)
                {
                    failed.Add(e.HttpRequestError.ToString());
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
                foreach (var error in failed)
                {
                    errors[error] = errors.GetValueOrDefault(error) + 1;
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        return (latencies, errors, clock.Elapsed);
    }
}
