using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>Single sign-on in Chromium through a real OpenID Connect provider (oidc-provider under node) on loopback.</summary>
public sealed class SingleSignOnUiTests
{
    [SkippableFact]
    public async Task SignIn_ThroughProvider_GroupsClaimMappedAskThenSignOut()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        Skip.If(OidcProvider.Missing is not null, OidcProvider.Missing);
        using var provider = new OidcProvider();
        var settings = provider.Settings();
        settings["Auth:GroupMap:0:Directory"] = "qa-engineers";
        settings["Auth:GroupMap:0:Groups:0"] = "quality";
        settings["Auth:GroupMap:0:Role"] = "Editor";
        settings["Auth:UnmappedUsers"] = "Refuse";
        using var server = new CorpusServer { Anonymous = false, Settings = settings };
        var url = ChatUiTests.Listen(server);
        await provider.StartAsync(url, new Dictionary<string, object>
        {
            ["liwei"] = new { password = "pw-liwei", name = "Li Wei", groups = new[] { "qa-engineers" } },
            ["visitor"] = new { password = "pw-visitor", name = "Visitor", groups = new[] { "canteen" } },
        });
        using var browser = Chromium.Start();

        // Someone whose groups are not mapped is refused (Auth:UnmappedUsers=Refuse) and told so.
        SignIn(browser, url, "visitor", "pw-visitor");
        Assert.True(browser.WaitFor("#signin-error", e => e.Text.Length > 0).Displayed);
        browser.Manage().Cookies.DeleteAllCookies();

        SignIn(browser, url, "liwei", "pw-liwei");
        Assert.StartsWith("Li Wei · editor", browser.WaitFor("#who", e => e.Text.Length > 0).Text, StringComparison.Ordinal);
        var groups = ((IJavaScriptExecutor)browser).ExecuteAsyncScript("const done = arguments[0]; fetch('/api/me').then(r => r.json()).then(me => done(me.method + ':' + me.groups.join(',')));") as string;
        Assert.Equal("oidc:public,quality", groups);

        browser.WaitFor("#question").SendKeys("What is the oil change interval of the AC-37 compressor?");
        browser.FindElement(By.Id("ask")).Click();
        Assert.Contains("4,000 operating hours", browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null).Text, StringComparison.Ordinal);

        // Signing out ends the provider's session too: its page asks to confirm, then returns to ours.
        browser.FindElement(By.Id("logout")).Click();
        browser.WaitFor("button[name=logout]").Click();
        browser.WaitFor("#sso");
        Assert.DoesNotContain(browser.Manage().Cookies.AllCookies, c => c.Name == "icp.session");
    }

    private static void SignIn(OpenQA.Selenium.Chrome.ChromeDriver browser, string url, string login, string password)
    {
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#sso", e => e.Text.Contains("Plant SSO", StringComparison.Ordinal)).Click();
        browser.WaitFor("#login").SendKeys(login);
        browser.FindElement(By.Id("password")).SendKeys(password);
        browser.FindElement(By.Id("submit")).Click();
    }
}
