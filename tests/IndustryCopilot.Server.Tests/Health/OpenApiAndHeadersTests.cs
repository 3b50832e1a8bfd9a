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
        Assert.Contains("/api/documents", paths);
        Assert.Contains("/api/sources/{chunkId}", paths);
        Assert.Contains("/api/audit", paths);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_KeyRequiredOnlyWhereNeededAndAnIntroduction()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        bool NeedsKey(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
        Assert.False(NeedsKey("/health/live", "get"));
        Assert.False(NeedsKey("/health/ready", "get"));
        Assert.False(NeedsKey("/api/auth/methods", "get"));
        Assert.True(NeedsKey("/api/ask", "post"));
        Assert.True(NeedsKey("/api/admin/keys", "get"));
        Assert.False(document.TryGetProperty("security", out var global) && global.GetArrayLength() > 0, "a document-wide requirement would mark the health probes too");
        Assert.Contains("X-Api-Key", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UiAndApiPage_ServedWithoutKeyFromTheServerItself()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var client = await server.ReadyClientAsync();

        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var scalar = await client.GetAsync("/scalar/");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("js/app.js", html, StringComparison.Ordinal);
        // Air-gapped: nothing the page loads may come from another host.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/js/chat.js")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi/v1.json", await scalar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
