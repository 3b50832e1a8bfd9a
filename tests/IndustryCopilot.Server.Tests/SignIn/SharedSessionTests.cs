using System.Net;
using System.Text.Json;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>
/// People's sessions on two servers sharing one real PostgreSQL database, signing in through a real OpenLDAP directory:
/// the session and the key ring that encrypts it are the group's, so either replica serves the person.
/// </summary>
public sealed class SharedSessionTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>, IDisposable
{
    private readonly Slapd? _slapd = Slapd.Missing is null && PostgresServer.Missing is null ? new Slapd() : null;
    private readonly string _corpus = Directory.CreateTempSubdirectory("icp-shared-sessions-").FullName;

    [SkippableFact]
    public async Task Session_SignInOnOneReplica_ValidOnTheOtherAndSignOutThereEndsItOnBoth()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        Skip.If(_slapd is null, Slapd.Missing);
        File.WriteAllText(Path.Combine(_corpus, "PM-001_pump.md"), "# PM-001 Pump maintenance\n\n## 1 Oil\n\nChange the pump oil every 2,000 operating hours.\n");
        var database = await postgres.Server.NewDatabaseAsync();
        using var a = Replica(database);
        using var b = Replica(database);
        await a.ReadyAsync();
        await b.ReadyAsync();

        using var onA = SignedIn.Browser(a);
        var signedIn = await SignedIn.DirectoryAsync(onA, "liwei", "pw-liwei");
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("icp.session=", StringComparison.Ordinal)).Split(';')[0];
        using var onB = b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        onB.DefaultRequestHeaders.Add("Cookie", session);
        var meOnB = await onB.GetAsync("/api/me");

        // Signing out on B takes B's anti-forgery token, made for this session with the shared key ring.
        var token = await onB.GetAsync("/api/auth/antiforgery");
        var antiforgery = Assert.Single(token.Headers.GetValues("Set-Cookie"), c => c.StartsWith("icp.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/signout");
        signOut.Headers.Add("Cookie", session + "; " + antiforgery);
        signOut.Headers.Add("X-CSRF-TOKEN", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString());
        using var anotherOnB = b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var signedOut = await anotherOnB.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, meOnB.StatusCode);
        Assert.Equal("Li Wei", JsonDocument.Parse(await meOnB.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        Assert.True(signedOut.IsSuccessStatusCode, $"{signedOut.StatusCode}: {await signedOut.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/me")).StatusCode);
    }

    public void Dispose()
    {
        _slapd?.Dispose();
        Directory.Delete(_corpus, recursive: true);
    }

    private CorpusServer Replica(string database)
    {
        var settings = _slapd!.Settings();
        settings["Auth:GroupMap:0:Directory"] = Slapd.Qa;
        settings["Auth:GroupMap:0:Groups:0"] = "quality";
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = database;
        return new CorpusServer { Anonymous = false, Corpus = _corpus, Settings = settings };
    }
}
