using System.Net;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace IndustryCopilot.Server.Tests.Documents;

/// <summary>The upload worker of a group's indexer through a failure of the shared database.</summary>
public sealed class UploadWorkerTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    [SkippableFact]
    public async Task Upload_DatabaseFailsWhileTheJobFinishes_ServerKeepsRunningAndTheJobIsIndexedOnce()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        FailingOnceQueue? queue = null;
        using var server = new CorpusServer
        {
            Anonymous = false,
            Settings = new Dictionary<string, string> { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = database },
            Replace = services => services.Replace(ServiceDescriptor.Singleton<IUploadQueue>(sp =>
                queue = new FailingOnceQueue(new PostgresUploadQueue(sp.GetRequiredService<CopilotEnvironment>().SharedStore()!, TimeProvider.System)))),
        };
        var key = (await server.Services.GetRequiredService<IApiKeyStore>().AddAsync("plant-it", ApiKeyRole.Admin, [], allGroups: true)).Key;
        using var client = await server.ReadyClientAsync(key);

        var accepted = await client.PostAsync("/api/documents", DocumentsApiTests.Form(("reset-procedure.md", "# 复位 Reset\n\n## 1 E-905\nE-905 复位前确认防护门已关闭。")));
        var id = System.Text.Json.JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("id").GetString()!;
        UploadJob? job = null;
        await Until.Answered(async () => (job = await queue!.GetAsync(id))?.State is UploadState.Indexed or UploadState.Failed, "the upload job finishing after the database came back");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(queue!.Failed, "the stand-in failed the first finish");
        Assert.Equal(UploadState.Indexed, job!.State);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Single(server.Services.Orchestrator().ReadIndex(i => i.ListDocuments()), d => d.Title.Contains("Reset", StringComparison.Ordinal));
    }

    // The shared database drops the connection once, as the job is being marked done.
    private sealed class FailingOnceQueue(IUploadQueue inner) : IUploadQueue
    {
        public bool Failed { get; private set; }

        public int Pending => inner.Pending;

        public Task<UploadJob> EnqueueAsync(UploadJob job, CancellationToken cancellationToken = default) => inner.EnqueueAsync(job, cancellationToken);

        public Task<UploadJob?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public Task<UploadJob> TakeAsync(CancellationToken cancellationToken = default) => inner.TakeAsync(cancellationToken);

        public Task FinishAsync(UploadJob job, CancellationToken cancellationToken = default)
        {
            if (!Failed)
            {
                Failed = true;
                throw new NpgsqlException("connection lost (stand-in)");
            }

            return inner.FinishAsync(job, cancellationToken);
        }

        public Task<int> RequeueAbandonedAsync(CancellationToken cancellationToken = default) => inner.RequeueAbandonedAsync(cancellationToken);
    }
}
