using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

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
        Assert.Equal("live", JsonDocument.Parse(await client.GetStringAsync("/health/live")).RootElement.GetProperty("status").GetString());
    }
}
