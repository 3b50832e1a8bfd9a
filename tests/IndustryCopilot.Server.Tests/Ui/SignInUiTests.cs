using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>A person signs in to the chat page with the directory form in Chromium, asks, and signs out.</summary>
public sealed class SignInUiTests
{
    [SkippableFact]
    public void SignIn_DirectoryForm_AsksAsThePersonThenSignsOut()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        Skip.If(Slapd.Missing is not null, Slapd.Missing);
        using var slapd = new Slapd();
        var settings = slapd.Settings();
        settings["Auth:GroupMap:0:Directory"] = Slapd.Qa;
        settings["Auth:GroupMap:0:Groups:0"] = "quality";
        using var server = new CorpusServer { Anonymous = false, Settings = settings };
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#directory-user").SendKeys("liwei");
        browser.FindElement(By.Id("directory-password")).SendKeys("wrong");
        browser.FindElement(By.CssSelector("#directory-form button[type=submit]")).Click();
        browser.WaitFor("#signin-error", e => e.Text.Length > 0);
        // With the directory on, the key field stays folded away.
        Assert.NotEqual("true", browser.FindElement(By.Id("key-login")).GetDomProperty("open")?.ToLowerInvariant());

        browser.FindElement(By.Id("directory-password")).SendKeys("pw-liwei");
        browser.FindElement(By.CssSelector("#directory-form button[type=submit]")).Click();
        Assert.StartsWith("Li Wei · reader", browser.WaitFor("#who", e => e.Text.Length > 0).Text, StringComparison.Ordinal);
        // The session cookie is HttpOnly: the page's script cannot read it.
        Assert.DoesNotContain("icp.session", ((IJavaScriptExecutor)browser).ExecuteScript("return document.cookie;") as string ?? "", StringComparison.Ordinal);

        // Asking is a POST with the cookie: it works only because the page sends the anti-forgery token.
        browser.WaitFor("#question").SendKeys("What is the oil change interval of the AC-37 compressor?");
        browser.FindElement(By.Id("ask")).Click();
        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        Assert.Contains("4,000 operating hours", answer.Text, StringComparison.Ordinal);

        browser.FindElement(By.Id("logout")).Click();
        browser.WaitFor("#directory-user");
        Assert.DoesNotContain(browser.Manage().Cookies.AllCookies, c => c.Name == "icp.session");
    }
}
