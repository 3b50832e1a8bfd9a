using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>The page's language: the plant's default over the browser's, and each person's own choice remembered for them alone on a shared computer.</summary>
public sealed class LanguageUiTests
{
    private static void SignIn(ChromeDriver browser, string url, string key)
    {
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.Id("remember")).Click();
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor("#question");
    }

    private static void SignOut(ChromeDriver browser)
    {
        browser.FindElement(By.Id("logout")).Click();
        browser.WaitFor("#key");
    }

    private static string ChatTab(ChromeDriver browser) => browser.WaitFor(".tab[data-view=chat]").Text;

    [SkippableFact]
    public void Language_PlantDefaultChinese_EnglishBrowserGetsChineseAndEachPersonKeepsTheirOwnChoice()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Anonymous = false, Settings = new Dictionary<string, string> { ["Server:DefaultLanguage"] = "zh" } };
        var wang = server.AddKey("wang", ApiKeyRole.Reader);
        var smith = server.AddKey("smith", ApiKeyRole.Reader);
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start("en-US");

        SignIn(browser, url, wang);
        Assert.Equal("问答", ChatTab(browser));
        // Dates as the page's language writes them, not the English browser: 2026/12/7, not 12/7/2026.
        Assert.Matches(@"最近索引：\d{4}/\d{1,2}/\d{1,2}", browser.WaitFor("#greeting p.muted").Text);
        browser.FindElement(By.Id("lang")).Click();
        Assert.Equal("Ask", ChatTab(browser));
        browser.Navigate().Refresh();
        Assert.Equal("Ask", ChatTab(browser));
        SignOut(browser);

        // The next person at this computer gets the plant's default, not wang's English.
        SignIn(browser, url, smith);
        Assert.Equal("问答", ChatTab(browser));
        SignOut(browser);

        SignIn(browser, url, wang);
        Assert.Equal("Ask", ChatTab(browser));
    }
}
