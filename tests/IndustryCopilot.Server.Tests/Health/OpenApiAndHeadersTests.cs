using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Health;

public sealed class OpenApiAndHeadersTests
{
    [Fact]
    public async Task OpenApiDocument_ListsTheEndpoints()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/ask", paths);
        Assert.Contains("/api/ask/stream", paths);
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/mes/lookup", paths);
        Assert.Contains("/v1/chat/completions", paths);
    }

    [Fact]
    public async Task AnyResponse_CarriesSecurityHeaders()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var response = await client.GetAsync("/health/live");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
