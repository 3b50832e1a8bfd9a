using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>People signing in to the server through a real OpenLDAP directory: session cookie, anti-forgery, lockout, group refresh, session limits.</summary>
public sealed class DirectorySignInTests : IDisposable
{
    private const string Secret = "QX-778";
    private readonly Slapd? _slapd = Slapd.Missing is null ? new Slapd() : null;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly string _corpus = Directory.CreateTempSubdirectory("icp-signin-corpus-").FullName;

    public DirectorySignInTests()
    {
        File.WriteAllText(Path.Combine(_corpus, "QC-017_weld-inspection.md"), $"# QC-017 Weld inspection standard\n\n## 3 Acceptance\n\nWeld seam porosity class {Secret} is acceptable up to 2 pores per 100 mm of seam.\n");
        File.WriteAllText(Path.Combine(_corpus, "QC-017_weld-inspection.md.meta.json"), """{"accessGroups":["quality"]}""");
        File.WriteAllText(Path.Combine(_corpus, "PM-001_pump.md"), "# PM-001 Pump maintenance\n\n## 1 Oil\n\nChange the pump oil every 2,000 operating hours.\n");
    }

    [SkippableFact]
    public async Task SignIn_RightPassword_SessionCookieHttpOnlyLaxSecureOnHttps()
    {
        using var server = Server();
        await server.ReadyAsync();
        using var http = SignedIn.Browser(server);
        using var https = SignedIn.Browser(server, https: true);

        var plain = await SignedIn.DirectoryAsync(http, "liwei", "pw-liwei");
        var secure = await SignedIn.DirectoryAsync(https, "liwei", "pw-liwei");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var cookie = Assert.Single(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith("icp.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires", cookie, StringComparison.Ordinal); // ends with the browser session
        Assert.Contains("secure", Assert.Single(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("icp.session=", StringComparison.Ordinal)).ToLowerInvariant(), StringComparison.Ordinal);

        var me = JsonDocument.Parse(await http.GetStringAsync("/api/me")).RootElement;
        Assert.Equal("Li Wei", me.GetProperty("name").GetString());
        Assert.Equal("ldap", me.GetProperty("method").GetString());
        Assert.Equal("editor", me.GetProperty("role").GetString());
        Assert.Equal(["public", "quality"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [SkippableFact]
    public async Task SignIn_RepeatedWrongPasswords_LockedOutUntilTheLockoutPasses()
    {
        using var server = Server();
        await server.ReadyAsync();
        using var client = SignedIn.Browser(server);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignedIn.DirectoryAsync(client, "liwei", "guess" + i)).StatusCode);
        }

        var locked = await SignedIn.DirectoryAsync(client, "liwei", "pw-liwei");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);

        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.OK, (await SignedIn.DirectoryAsync(client, "liwei", "pw-liwei")).StatusCode);
    }

    [SkippableFact]
    public async Task Post_SessionCookieWithoutAntiforgeryToken_Refused_KeyUnaffected()
    {
        using var server = Server();
        using var person = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        using var keyed = await server.ReadyClientAsync(server.AddKey("mes-line3", ApiKeyRole.Reader));
        var question = new { question = "How often is the pump oil changed?" };

        var withToken = await person.PostAsJsonAsync("/api/ask", question);
        person.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var crossSite = await person.PostAsJsonAsync("/api/ask", question);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        Assert.Contains("Anti-forgery", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await keyed.PostAsJsonAsync("/api/ask", question)).StatusCode);
    }

    [SkippableFact]
    public async Task Session_RemovedFromGroup_LosesItsDocumentsAtTheNextRefresh()
    {
        using var server = Server();
        using var person = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        Assert.Contains("QC-017", await person.GetStringAsync("/api/documents"), StringComparison.Ordinal);

        _slapd!.Modify($"dn: {Slapd.Qa}\nchangetype: modify\ndelete: member\nmember: uid=liwei,ou=staff,{Slapd.Suffix}\n");
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains("QC-017", await person.GetStringAsync("/api/documents"), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain("QC-017", await person.GetStringAsync("/api/documents"), StringComparison.Ordinal);
        Assert.Contains("PM-001", await person.GetStringAsync("/api/documents"), StringComparison.Ordinal);
        var me = JsonDocument.Parse(await person.GetStringAsync("/api/me")).RootElement;
        Assert.Equal(["public"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [SkippableFact]
    public async Task Session_PersonDeletedFromDirectory_SignedOutAtTheNextRefresh()
    {
        using var server = Server();
        using var person = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");

        _slapd!.Modify($"dn: uid=liwei,ou=staff,{Slapd.Suffix}\nchangetype: delete\n");
        _time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Session_IdleBeyondLimit_Ends_ActiveEndsAtAbsoluteMaximum()
    {
        using var server = Server();
        using var idle = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        using var active = await SignedIn.PersonAsync(server, "zhang", "pw-zhang");

        // Active: a request every 50 minutes keeps the 60-minute sliding session alive, until 2 hours after sign-in.
        for (var i = 0; i < 2; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/api/me")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/me")).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Unauthorized, (await active.GetAsync("/api/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Audit_PersonsAnswer_NamesThePerson()
    {
        using var server = Server();
        using var person = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        using var admin = await server.ReadyClientAsync(server.AddKey("it-admin", ApiKeyRole.Admin, "quality"));

        Assert.Equal(HttpStatusCode.OK, (await person.PostAsJsonAsync("/api/ask", new { question = "How often is the pump oil changed?" })).StatusCode);

        var audit = await admin.GetStringAsync("/api/audit");
        Assert.Contains("ldap:uid=liwei,ou=staff,dc=plant,dc=test", audit, StringComparison.Ordinal);
        Assert.Contains("Li Wei", audit, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SignOut_CopyOfTheCookieTakenBefore_RefusedAtOnce()
    {
        using var server = Server();
        await server.ReadyAsync();
        using var person = SignedIn.Browser(server);
        var signedIn = await SignedIn.DirectoryAsync(person, "liwei", "pw-liwei");
        using var copy = WithCookie(server, SessionCookie(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me")).StatusCode);

        Assert.True((await person.PostAsync("/auth/signout", null)).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Session_Leaver_EverySessionEndsAtTheFirstRefresh()
    {
        using var server = Server();
        using var first = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        _time.Advance(TimeSpan.FromMinutes(10));
        using var second = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");

        _slapd!.Modify($"dn: uid=liwei,ou=staff,{Slapd.Suffix}\nchangetype: delete\n");
        _time.Advance(TimeSpan.FromMinutes(6)); // the first session's refresh is due, the second's is not

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
    }

    [SkippableFact]
    public async Task AdminEndsSessions_OwnGroupsOnly_EveryCopyRefused()
    {
        using var server = Server();
        using var person = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        using var production = await server.ReadyClientAsync(server.AddKey("prod-admin", ApiKeyRole.Admin, "production"));
        using var quality = await server.ReadyClientAsync(server.AddKey("qc-admin", ApiKeyRole.Admin, "quality"));
        const string subject = "ldap:uid=liwei,ou=staff,dc=plant,dc=test";

        Assert.DoesNotContain("liwei", await production.GetStringAsync("/api/admin/sessions"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await production.DeleteAsync($"/api/admin/sessions?subject={Uri.EscapeDataString(subject)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/me")).StatusCode);

        Assert.Contains(subject, await quality.GetStringAsync("/api/admin/sessions"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await quality.DeleteAsync($"/api/admin/sessions?subject={Uri.EscapeDataString(subject)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("ｚｈａｎｇ")]
    [InlineData("ZHANG")]
    public async Task SignIn_LookAlikeOfALockedName_StillLocked(string lookAlike)
    {
        using var server = Server();
        await server.ReadyAsync();
        using var client = SignedIn.Browser(server);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignedIn.DirectoryAsync(client, "zhang", "guess" + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignedIn.DirectoryAsync(client, lookAlike, "pw-zhang")).StatusCode);
    }

    [SkippableFact]
    public async Task Conversation_GroupRemoved_TurnsCitingItRedactedAndNeverFedToTheModel()
    {
        var model = new Hosting.Tests.Fixtures.ScriptedChatClient(_ => "Up to 2 pores per 100 mm of seam are acceptable [1].");
        using var server = Server(Hosting.Llm.ChatBackends.FromChatClient(model, Core.Answering.Generation.ApproximateTokenCounter.Instance, 8192, "scripted"));
        using var person = await SignedIn.PersonAsync(server, "liwei", "pw-liwei");
        var first = await (await person.PostAsJsonAsync("/api/ask", new { question = $"What weld seam porosity is acceptable for class {Secret}?", conversationId = "c1" })).Content.ReadAsStringAsync();
        Assert.Contains("QC-017", first, StringComparison.Ordinal);
        Assert.Contains("2 pores", await person.GetStringAsync("/api/conversations/c1"), StringComparison.Ordinal);

        _slapd!.Modify($"dn: {Slapd.Qa}\nchangetype: modify\ndelete: member\nmember: uid=liwei,ou=staff,{Slapd.Suffix}\n");
        _time.Advance(TimeSpan.FromMinutes(16));
        var calls = model.Calls.Count;

        var reopened = await person.GetStringAsync("/api/conversations/c1");
        var turn = JsonDocument.Parse(reopened).RootElement.GetProperty("turns")[0];
        Assert.True(turn.GetProperty("redacted").GetBoolean());
        Assert.DoesNotContain("2 pores", reopened, StringComparison.Ordinal);
        Assert.DoesNotContain("QC-017", reopened, StringComparison.Ordinal);

        await person.PostAsJsonAsync("/api/ask", new { question = "And what about the pump oil?", conversationId = "c1" });
        var later = model.Calls.Skip(calls).SelectMany(c => c.Messages).Select(m => m.Text).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, text => Assert.DoesNotContain("2 pores", text, StringComparison.Ordinal));
        Assert.All(later, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _slapd?.Dispose();
        Directory.Delete(_corpus, recursive: true);
    }

    private static string SessionCookie(HttpResponseMessage signedIn) =>
        Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("icp.session=", StringComparison.Ordinal)).Split(';')[0];

    // A second client carrying a copy of the cookie, as someone who took it from the browser would.
    private static HttpClient WithCookie(CorpusServer server, string cookie)
    {
        var client = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private CorpusServer Server(Hosting.Llm.ChatBackend? model = null)
    {
        Skip.If(_slapd is null, Slapd.Missing);
        var settings = _slapd!.Settings();
        settings["Auth:GroupMap:0:Directory"] = Slapd.Qa.ToUpperInvariant().Replace(",", ", ", StringComparison.Ordinal); // case and blanks as AD writes them
        settings["Auth:GroupMap:0:Groups:0"] = "quality";
        settings["Auth:GroupMap:0:Role"] = "Editor";
        settings["Auth:MaxFailuresPerUser"] = "3";
        settings["Auth:LockoutMinutes"] = "10";
        settings["Auth:RefreshMinutes"] = "15";
        settings["Auth:SessionIdleMinutes"] = "60";
        settings["Auth:SessionMaxHours"] = "2";
        return new CorpusServer { Anonymous = false, Corpus = _corpus, Settings = settings, Time = _time, Model = model };
    }
}
