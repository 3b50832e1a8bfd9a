using System.Net;
using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Search;

public sealed class SearchApiTests
{
    [Fact]
    public async Task Search_FaultCode_HitsWithLaneRanksAndLocation()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/search", new { query = "E-203", k = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, hits.GetArrayLength());
        Assert.Contains("E-203", hits[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, hits[0].GetProperty("laneRanks").GetProperty("identifier").GetInt32());
    }

    [Fact]
    public async Task Search_UnknownFilter_400()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await CorpusServer.PostJson(client, "/api/search", new { query = "pump", filters = new[] { "colour=red" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("colour", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
