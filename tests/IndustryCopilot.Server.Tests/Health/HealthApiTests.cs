using System.Text.Json;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Server.Indexing;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Ready_AfterStartupIndexing_CountsAndQuoteMode()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(6, ready.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.Equal(6, ready.GetProperty("indexing").GetProperty("filesDone").GetInt32());
        Assert.Equal("quote", ready.GetProperty("model").GetProperty("answers").GetString());
        Assert.Equal("embedded", ready.GetProperty("searchIndex").GetProperty("provider").GetString());
        Assert.True(ready.GetProperty("searchIndex").GetProperty("upToDate").GetBoolean());
        Assert.Equal("live", JsonDocument.Parse(await client.GetStringAsync("/health/live")).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_QdrantProviderUnreachable_503NamingQdrantAndSearchesGet503()
    {
        using var server = new CorpusServer
        {
            Settings = new Dictionary<string, string>
            {
                ["Index:Provider"] = "qdrant",
                ["Qdrant:Url"] = "http://127.0.0.1:9",
                ["Qdrant:MaxRetries"] = "0",
                ["Qdrant:TimeoutSeconds"] = "2",
            },
        };
        using var client = server.CreateClient();
        var indexing = server.Services.GetRequiredService<IndexingStatus>();
        var sync = server.Services.GetRequiredService<SearchIndexSyncStatus>();
        await Until.Signalled(
            () => indexing.Completed && sync.Snapshot().Error is { } e && e.Contains("127.0.0.1:9", StringComparison.Ordinal),
            h => { indexing.Changed += h; sync.Changed += h; },
            h => { indexing.Changed -= h; sync.Changed -= h; },
            "indexing done and the Qdrant outage reported");

        var response = await client.GetAsync("/health/ready");
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("search index unavailable", ready.GetProperty("status").GetString());
        Assert.Equal("qdrant", ready.GetProperty("searchIndex").GetProperty("provider").GetString());
        Assert.Contains("Qdrant at http://127.0.0.1:9", ready.GetProperty("searchIndex").GetProperty("error").GetString(), StringComparison.Ordinal);
        var search = await CorpusServer.PostJson(client, "/api/search", new { query = "E-203" });
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.Contains("search index unavailable", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
