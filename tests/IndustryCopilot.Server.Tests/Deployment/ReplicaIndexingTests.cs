using System.Net;
using System.Text.Json;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Documents;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Deployment;

/// <summary>
/// Indexing in a plant group, with two real server processes on one real PostgreSQL database and one shared upload
/// folder: an upload accepted by either replica is indexed by the one holding the indexer lease and answered by both;
/// when the indexer is killed in the middle of an upload's transaction, the other takes the lease over and finishes
/// the job, with the chunks a clean run makes, once.
/// </summary>
public sealed class ReplicaIndexingTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    private const string Compressor = """
        # 空压机报警处理 Compressor alarms

        ## 4.1 E-451 排气温度高
        E-451 表示排气温度超过 110 °C。停机冷却 30 分钟后检查冷却器翅片并清洁。

        ## 4.2 E-452 油位低
        E-452 表示油位低于下限。补加同牌号压缩机油至视窗 2/3 处，复位前确认无泄漏。
        """;

    private const string Dryer = """
        # 冷干机维护 Dryer maintenance

        ## 3.1 D-610 露点高
        D-610 表示压力露点高于 10 °C。检查冷凝器是否堵塞，清洁后观察 15 分钟。

        ## 3.2 D-611 排水阀故障
        D-611 表示自动排水阀未动作。关闭进气阀，泄压后拆洗排水阀滤网。
        """;

    [SkippableFact]
    public async Task Uploads_AcceptedOnEitherReplica_IndexedOnceAndAnsweredOnBoth_IndexerKilledMidUploadOtherFinishes()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        await using var store = new PostgresStore(database);
        string admin;
        using (var keys = new PostgresApiKeyStore(store))
        {
            admin = (await keys.AddAsync("plant-it", ApiKeyRole.Admin, [], allGroups: true)).Key;
        }

        using var shared = new TempDirectory();
        using var dataA = new TempDirectory();
        using var dataB = new TempDirectory();
        var uploads = Path.Combine(shared.Path, "uploads");
        var group = new Dictionary<string, string?>
        {
            ["ICP_Store__Provider"] = "Postgres", ["ICP_Store__ConnectionString"] = database,
            ["ICP_Server__UploadDirectory"] = uploads, ["ICP_Server__IndexOnStart"] = "false",
            // The test asks another process until it sees a change, as often as the machine allows: on a slow machine
            // that is well past the 120 requests a minute a key may make, and a 429 would fail it for the machine's speed.
            ["ICP_Server__RequestsPerMinute"] = "1000000",
        };

        // A starts first and takes the lease; it will stop inside the transaction of the second document it stores.
        await using var a = await ServerProcess.StartAsync(dataA.Path, new Dictionary<string, string?>(group) { ["ICP_TEST_HOLD"] = "document-before-commit:2" });
        await using var b = await ServerProcess.StartAsync(dataB.Path, group);

        var compressor = await UploadAsync(a, admin, "compressor-alarms.md", Compressor);
        var indexed = await FinishedAsync(b, admin, compressor);
        await Until.Answered(async () => (await ReplicaCalls.DocumentsAsync(b, admin)).Contains(indexed.DocumentId), "replica B taking the upload from the shared catalog");
        var answer = await ReplicaCalls.AskAsync(b, admin, "E-451 报警怎么处理？");

        var held = a.HeldAsync();
        var dryer = await UploadAsync(b, admin, "dryer-maintenance.md", Dryer);
        await Until.Guarded(held, "replica A holding inside the dryer manual's transaction");
        await a.KillAsync();
        var finished = await FinishedAsync(b, admin, dryer);
        var answerAfter = await ReplicaCalls.AskAsync(b, admin, "D-611 排水阀故障怎么处理？");

        Assert.Equal("indexed", indexed.State);
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("chunkId").GetString()!.StartsWith(indexed.DocumentId + "#", StringComparison.Ordinal));
        Assert.Equal("indexed", finished.State);
        Assert.Contains(answerAfter.GetProperty("citations").EnumerateArray(), c => c.GetProperty("chunkId").GetString()!.StartsWith(finished.DocumentId + "#", StringComparison.Ordinal));
        var catalog = new PostgresCatalog(store);
        Assert.Equal(new[] { indexed.DocumentId, finished.DocumentId }.Order(StringComparer.Ordinal), (await catalog.FingerprintsAsync()).Keys.Order(StringComparer.Ordinal));
        var stored = (await catalog.ReadAsync(finished.DocumentId))!.Document.Chunks;
        Assert.Equal(await CleanRunAsync("dryer-maintenance.md", Dryer), stored.Select(c => (c.Ordinal, c.SectionPath, c.Text)));
        Assert.Equal(new[] { indexed.DocumentId, finished.DocumentId }.Order(StringComparer.Ordinal), (await ReplicaCalls.DocumentsAsync(b, admin)).Order(StringComparer.Ordinal));
    }

    // The same file indexed alone into a fresh index: what the interrupted job must end up with.
    private static async Task<List<(int, string, string)>> CleanRunAsync(string name, string text)
    {
        using var folder = new TempDirectory();
        using var data = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, name), text);
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = data.Path });
        var options = new IngestionOptions();
        var report = await new IngestionPipeline(index, ReaderRegistry.Default(options), new StructuredChunker(new ChunkingOptions()), options, TimeProvider.System)
            .RunAsync(new IngestionRequest { Paths = [folder.Path] }, null, CancellationToken.None);
        var outcome = report.Files.Single();
        return [.. index.GetChunks(outcome.DocumentId!).Select(c => (c.Ordinal, c.SectionPath, c.Text))];
    }

    private static async Task<string> UploadAsync(ServerProcess server, string key, string name, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = DocumentsApiTests.Form((name, text)) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("id").GetString()!;
    }

    // The job is in the shared database: whichever replica is asked shows it.
    private static async Task<(string State, string DocumentId)> FinishedAsync(ServerProcess server, string key, string jobId)
    {
        JsonElement job = default;
        await Until.Answered(
            async () =>
            {
                job = await ReplicaCalls.GetAsync(server, key, $"/api/jobs/{jobId}");
                return job.GetProperty("state").GetString() is "indexed" or "failed";
            },
            $"upload job {jobId} finishing");
        return (job.GetProperty("state").GetString()!, job.GetProperty("documentId").GetString() ?? "");
    }
}
