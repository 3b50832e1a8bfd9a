using System.Net;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Search_OverTheKeysBudget_429WithRetryAfterOtherKeyUnaffected()
    {
        using var server = new CorpusServer { Anonymous = false, RequestsPerMinute = 3 };
        (await server.ReadyClientAsync()).Dispose();
        var busy = LocalKeys.Add(server.DataDirectory, "script", ApiKeyRole.Reader, []).Key;
        var other = LocalKeys.Add(server.DataDirectory, "engineer", ApiKeyRole.Reader, []).Key;

        using var script = await server.ReadyClientAsync(busy);
        using var engineer = await server.ReadyClientAsync(other);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await CorpusServer.PostJson(script, "/api/search", new { query = "pump" })).StatusCode);
        }

        var limited = await CorpusServer.PostJson(script, "/api/search", new { query = "pump" });
        var unaffected = await CorpusServer.PostJson(engineer, "/api/search", new { query = "pump" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }
}
