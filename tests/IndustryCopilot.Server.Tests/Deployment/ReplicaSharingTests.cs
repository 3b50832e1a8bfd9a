using System.Net;
using System.Text.Json;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Deployment;

/// <summary>
/// What a plant group's replicas share, with two real server processes on one real PostgreSQL database and people
/// signing in through a real OpenLDAP directory: keys, people's sessions, the audit and conversations are the group's,
/// so a load balancer may send any request to either process.
/// </summary>
public sealed class ReplicaSharingTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>, IDisposable
{
    private const string Pump = "# PM-001 Pump maintenance\n\n## 1 Oil\n\nChange the pump oil every 2,000 operating hours.\n\n## 2 Filter\n\nReplace the suction filter every 500 operating hours.\n";

    private readonly Slapd? _slapd = Slapd.Missing is null && PostgresServer.Missing is null ? new Slapd() : null;
    private readonly TempDirectory _folder = new();

    [SkippableFact]
    public async Task TwoProcesses_KeysSessionsAuditAndConversations_InForceOnBoth()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        Skip.If(_slapd is null, Slapd.Missing);
        File.WriteAllText(Path.Combine(_folder.Path, "PM-001_pump.md"), Pump);
        var database = await postgres.Server.NewDatabaseAsync();
        string admin;
        await using (var store = new PostgresStore(database))
        using (var keys = new PostgresApiKeyStore(store))
        {
            admin = (await keys.AddAsync("plant-it", ApiKeyRole.Admin, [], allGroups: true)).Key;
        }

        using var dataA = new TempDirectory();
        using var dataB = new TempDirectory();
        await using var a = await ServerProcess.StartAsync(dataA.Path, Group(database));
        await using var b = await ServerProcess.StartAsync(dataB.Path, Group(database));
        await ReplicaCalls.DocumentsListedAsync(a, admin, 1);
        await ReplicaCalls.DocumentsListedAsync(b, admin, 1);

        // A key made on A is in force on B; revoked on B, it is refused on A at once.
        using var made = await ReplicaCalls.SendAsync(a, HttpMethod.Post, "/api/admin/keys", admin, new { name = "mes-line3", role = "reader", groups = new[] { "production" } });
        var mes = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        using var usedOnB = await ReplicaCalls.SendAsync(b, HttpMethod.Post, "/api/search", mes, new { query = "pump oil" });
        using var revokedOnB = await ReplicaCalls.SendAsync(b, HttpMethod.Delete, "/api/admin/keys/mes-line3", admin);
        using var usedOnA = await ReplicaCalls.SendAsync(a, HttpMethod.Post, "/api/search", mes, new { query = "pump oil" });

        // A conversation begun on A goes on on B; the audit read on A holds the answers of both.
        var askedOnA = await ReplicaCalls.AskAsync(a, admin, "How often is the pump oil changed?", "c1");
        var askedOnB = await ReplicaCalls.AskAsync(b, admin, "And the suction filter?", "c1");
        var kept = await ReplicaCalls.GetAsync(a, admin, "/api/conversations/c1");
        var audit = await ReplicaCalls.GetAsync(a, admin, "/api/audit");

        // A person signed in on A is known to B; signing out on B ends the session on A too.
        var cookies = new CookieContainer();
        using var browserOnA = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = a.Client.BaseAddress };
        using var signedIn = await SignedIn.DirectoryAsync(browserOnA, "liwei", "pw-liwei");
        var session = "icp.session=" + cookies.GetCookies(a.Client.BaseAddress!)["icp.session"]!.Value;
        using var onB = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = b.Client.BaseAddress };
        onB.DefaultRequestHeaders.Add("Cookie", session);
        using var meOnB = await onB.GetAsync("/api/me");
        using var signedOut = await SignOutAsync(b, session);

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(HttpStatusCode.OK, usedOnB.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revokedOnB.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, usedOnA.StatusCode);
        Assert.Equal(["How often is the pump oil changed?", "And the suction filter?"], kept.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("question").GetString()));
        var audited = audit.EnumerateArray().Select(r => r.GetProperty("entry").GetProperty("id").GetString()).ToList();
        Assert.Contains(askedOnA.GetProperty("answerId").GetString(), audited);
        Assert.Contains(askedOnB.GetProperty("answerId").GetString(), audited);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("Li Wei", JsonDocument.Parse(await meOnB.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        Assert.True(signedOut.IsSuccessStatusCode, $"{signedOut.StatusCode}: {await signedOut.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browserOnA.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/me")).StatusCode);
    }

    public void Dispose()
    {
        _slapd?.Dispose();
        _folder.Dispose();
    }

    // Sign-out takes the anti-forgery token the replica makes for this session with the group's key ring.
    private static async Task<HttpResponseMessage> SignOutAsync(ServerProcess server, string session)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Client.BaseAddress };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/auth/antiforgery");
        tokenRequest.Headers.Add("Cookie", session);
        using var token = await client.SendAsync(tokenRequest);
        var antiforgery = Assert.Single(token.Headers.GetValues("Set-Cookie"), c => c.StartsWith("icp.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/signout");
        signOut.Headers.Add("Cookie", session + "; " + antiforgery);
        signOut.Headers.Add("X-CSRF-TOKEN", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString());
        return await client.SendAsync(signOut);
    }

    private Dictionary<string, string?> Group(string database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ICP_Store__Provider"] = "Postgres", ["ICP_Store__ConnectionString"] = database,
            ["ICP_Server__WatchedFolders__0"] = _folder.Path,
            ["ICP_Server__AllowAnonymousLoopback"] = "false",
            // The test asks until it sees a change, as often as the machine allows: a 429 would fail it for the machine's speed.
            ["ICP_Server__RequestsPerMinute"] = "1000000",
            ["ICP_Auth__GroupMap__0__Directory"] = Slapd.Qa,
            ["ICP_Auth__GroupMap__0__Groups__0"] = "quality",
        };
        foreach (var (key, value) in _slapd!.Settings())
        {
            settings["ICP_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return settings;
    }
}
