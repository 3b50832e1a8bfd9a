using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>Keyed calls on a real server process, as another program on the plant network makes them.</summary>
internal static class ReplicaCalls
{
    /// <summary>Sends <paramref name="body"/> (JSON, when given) to <paramref name="path"/> with <paramref name="key"/>; the caller checks the status.</summary>
    public static async Task<HttpResponseMessage> SendAsync(ServerProcess server, HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await server.Client.SendAsync(request);
    }

    public static async Task<JsonElement> GetAsync(ServerProcess server, string key, string path)
    {
        using var response = await SendAsync(server, HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task<JsonElement> AskAsync(ServerProcess server, string key, string question, string? conversationId = null)
    {
        using var response = await SendAsync(server, HttpMethod.Post, "/api/ask", key, new { question, conversationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task<List<string>> DocumentsAsync(ServerProcess server, string key) =>
        [.. (await GetAsync(server, key, "/api/documents")).EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    /// <summary>Completes once <paramref name="server"/> lists <paramref name="count"/> documents (a follower taking the indexer's work from the catalog).</summary>
    public static Task DocumentsListedAsync(ServerProcess server, string key, int count) =>
        Until.Answered(async () => (await DocumentsAsync(server, key)).Count == count, $"the replica listing {count} document(s)");
}
