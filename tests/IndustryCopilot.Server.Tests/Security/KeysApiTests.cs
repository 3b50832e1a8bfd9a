using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Security;

/// <summary>Key administration from the browser: admins only; a created key works at once and is shown once; a revoked one stops.</summary>
public sealed class KeysApiTests
{
    [Fact]
    public async Task Keys_AdminCreatesListsRevokes_ReaderForbidden()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var admin = await server.ReadyClientAsync(server.AddKey("it-admin", ApiKeyRole.Admin, "production"));
        using var reader = await server.ReadyClientAsync(server.AddKey("line3", ApiKeyRole.Reader));

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/admin/keys", new { name = "x" })).StatusCode);

        var created = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "mes-line4", role = "reader", groups = new[] { "production" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        using var mes = await server.ReadyClientAsync(key);
        Assert.Equal(HttpStatusCode.OK, (await mes.PostAsJsonAsync("/api/search", new { query = "pump" })).StatusCode);

        var list = await admin.GetStringAsync("/api/admin/keys");
        Assert.Contains("mes-line4", list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "mes-line4" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "y", role = "root" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/keys/mes-line4")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mes.PostAsJsonAsync("/api/search", new { query = "pump" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/keys/mes-line4")).StatusCode);
    }

    [SkippableFact]
    public void AdminPage_CreateKeyShownOnceThenRevoke()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Anonymous = false };
        var adminKey = server.AddKey("it-admin", ApiKeyRole.Admin, "production", "quality");
        var url = Ui.ChatUiTests.Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(adminKey);
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor("#admin-tab").Click();
        browser.WaitFor("#key-name").SendKeys("mes-line5");
        browser.FindElement(By.Id("key-groups")).SendKeys("production, quality");
        browser.FindElement(By.CssSelector("#key-form button[type=submit]")).Click();

        var shown = browser.WaitFor("#new-key-value", e => e.Text.StartsWith("icp_", StringComparison.Ordinal)).Text;
        Assert.Equal("mes-line5", LocalKeys.Find(server.DataDirectory, shown)?.Name);

        var row = browser.WaitFor("tr[data-key='mes-line5']");
        Assert.Contains("production, quality", row.Text, StringComparison.Ordinal);
        row.FindElement(By.CssSelector("button.danger")).Click();
        browser.SwitchTo().Alert().Accept();
        browser.WaitFor("tr[data-key='mes-line5']", e => !e.Text.Contains("active", StringComparison.Ordinal) && e.FindElements(By.CssSelector("button.danger")).Count == 0);
        Assert.Null(LocalKeys.Find(server.DataDirectory, shown));
    }
}
