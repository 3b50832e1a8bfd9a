using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>
/// axe-core (from the npm registry, installed by the server's build) run in the same Chromium on the sign-in, chat (with
/// a source open), documents and admin pages, in both languages: no serious or critical violation. With
/// <c>ICP_UPDATE_SCREENSHOTS=1</c> the same walk saves each page into docs/images, desktop and phone.
/// </summary>
public sealed class AccessibilityTests
{
    private static readonly string Axe = Path.Combine(CorpusServer.RepositoryRoot, "artifacts", "ui-check", "axe.min.js");

    private static readonly string? Shots = Environment.GetEnvironmentVariable("ICP_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(CorpusServer.RepositoryRoot, "docs", "images")
        : null;

    [SkippableTheory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Pages_SignInChatDocumentsAdmin_NoSeriousOrCriticalViolations(string language)
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        Skip.If(!File.Exists(Axe), $"needs axe-core at {Axe}: the server's build installs it with npm (tools/webui); npm was unavailable");
        using var server = new CorpusServer { Anonymous = false };
        var key = server.AddKey("li.wei", ApiKeyRole.Admin, "production");
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start(language == "zh" ? "zh-CN" : "en-US");
        Viewport.Resize(browser, Viewport.Desktop);
        var found = new List<string>();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#login");
        Check(browser, "sign-in", language, found);

        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor("#greeting .example");
        Check(browser, "start", language, found);
        browser.WaitFor("#question").SendKeys((language == "zh" ? "M12 螺栓的拧紧力矩是多少？" : "How do I clear alarm A-102 on the compressor?") + Keys.Enter);
        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        answer.FindElement(By.CssSelector("ul.citations .chip")).Click();
        browser.WaitFor("#source-text mark");
        Check(browser, "chat", language, found);

        browser.FindElement(By.CssSelector(".tab[data-view=documents]")).Click();
        browser.WaitFor("#document-rows tr");
        Check(browser, "documents", language, found);

        browser.FindElement(By.CssSelector(".tab[data-view=admin]")).Click();
        browser.WaitFor("#key-rows tr");
        Check(browser, "admin", language, found);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static void Check(ChromeDriver browser, string page, string language, List<string> found)
    {
        browser.ExecuteScript(File.ReadAllText(Axe));
        var json = (string)browser.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify({ passes: r.passes.length, violations: r.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })) })));
            """)!;
        var result = JsonDocument.Parse(json).RootElement;
        // axe ran its rules on the page (a check that found nothing because nothing ran would prove nothing).
        Assert.True(result.GetProperty("passes").GetInt32() > 10, $"{page}: axe passed only {result.GetProperty("passes")} rules");
        foreach (var violation in result.GetProperty("violations").EnumerateArray())
        {
            found.Add($"{page} ({language}): {violation.GetProperty("impact")} {violation.GetProperty("id")} — {violation.GetProperty("help")} at {string.Join(", ", violation.GetProperty("targets").EnumerateArray())}");
        }

        if (Shots is { } folder)
        {
            Directory.CreateDirectory(folder);
            browser.GetScreenshot().SaveAsFile(Path.Combine(folder, $"ui-{page}-{language}-desktop.png"));
            Viewport.Resize(browser, Viewport.Phone);
            browser.GetScreenshot().SaveAsFile(Path.Combine(folder, $"ui-{page}-{language}-phone.png"));
            Viewport.Resize(browser, Viewport.Desktop);
        }
    }
}
