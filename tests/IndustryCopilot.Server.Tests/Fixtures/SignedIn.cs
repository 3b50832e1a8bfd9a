using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>A browser-like client of the in-memory server: keeps cookies, signs in with the directory form, sends the anti-forgery token.</summary>
internal static class SignedIn
{
    /// <summary>A fresh cookie-keeping client (https when asked, so Secure cookies can be checked).</summary>
    public static HttpClient Browser(CorpusServer server, bool https = false) =>
        server.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"), HandleCookies = true });

    /// <summary>Signs in through <c>POST /api/auth/ldap</c>; returns the response. On success the client carries the session's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> DirectoryAsync(HttpClient client, string userName, string password)
    {
        await TokenAsync(client);
        var response = await client.PostAsJsonAsync("/api/auth/ldap", new { userName, password });
        if (response.IsSuccessStatusCode)
        {
            // The token is bound to who holds it: the one fetched before sign-in is no longer valid.
            await TokenAsync(client);
        }

        return response;
    }

    /// <summary>A signed-in person's client, ready (the server's start-up indexing done).</summary>
    public static async Task<HttpClient> PersonAsync(CorpusServer server, string userName, string password)
    {
        await server.ReadyAsync();
        var client = Browser(server);
        var response = await DirectoryAsync(client, userName, password);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    public static async Task TokenAsync(HttpClient client)
    {
        var token = JsonDocument.Parse(await client.GetStringAsync("/api/auth/antiforgery")).RootElement;
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.GetProperty("token").GetString());
    }
}
