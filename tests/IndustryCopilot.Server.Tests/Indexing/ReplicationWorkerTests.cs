using IndustryCopilot.Core.Index;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.Indexing;

/// <summary>Two servers on one real PostgreSQL database: what the follower (the one without the indexer lease) takes on before it reports ready.</summary>
public sealed class ReplicationWorkerTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    [SkippableFact]
    public async Task Ready_WatchedFolderWithGlossary_EveryReplicaSearchesWithIt()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        var settings = new Dictionary<string, string> { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = database };
        using var a = new CorpusServer { Settings = settings };
        using var b = new CorpusServer { Settings = settings };

        await a.ReadyAsync();
        await b.ReadyAsync();

        // The indexer remembers the glossary when it indexes the folder; the follower never indexes it, and without
        // remembering it would analyse questions without the plant's terms and rank them differently.
        var glossary = Path.GetFullPath(Path.Combine(a.Corpus, "glossary.tsv"));
        Assert.Equal(glossary, a.Services.GetRequiredService<SqliteIndex>().GetSetting(CopilotEnvironment.GlossarySetting));
        Assert.Equal(glossary, b.Services.GetRequiredService<SqliteIndex>().GetSetting(CopilotEnvironment.GlossarySetting));
    }
}
