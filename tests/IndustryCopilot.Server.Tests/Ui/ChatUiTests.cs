using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>The chat UI in real headless Chromium against the server listening on a loopback port.</summary>
public sealed class ChatUiTests
{
    [SkippableFact]
    public void Chat_CorpusQuestion_QuotedAnswerWhoseCitationOpensThePassage()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Anonymous = false, Settings = AnswerSettings.Answering() };
        var key = server.AddKey("operator", ApiKeyRole.Reader);
        var url = Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor("#question").SendKeys("What is the oil change interval of the AC-37 compressor?");
        browser.FindElement(By.Id("ask")).Click();

        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        Assert.Equal("Quoted", answer.FindElement(By.CssSelector(".mode")).Text);
        var text = answer.FindElement(By.CssSelector(".text")).Text;
        Assert.Contains("4,000 operating hours", text, StringComparison.Ordinal);
        answer.FindElement(By.CssSelector(".text .chip")).Click();

        // The passage panel shows the whole cited passage with the quoted words marked: the words of the answer.
        var passage = browser.WaitFor("#source-text", e => e.Text.Length > 0);
        var quote = passage.FindElement(By.CssSelector("mark")).Text;
        Assert.True(quote.Length > 20 && text.Contains(quote, StringComparison.Ordinal), $"{quote} / {text}");
        Assert.Contains("MM-AC-037", browser.FindElement(By.Id("source-title")).Text, StringComparison.Ordinal);
        Assert.Contains("p. ", browser.FindElement(By.Id("source-where")).Text, StringComparison.Ordinal);

        // A quoted table row is shown as a table under its header, its citation chip after it.
        browser.FindElement(By.Id("question")).SendKeys("M12 螺栓的拧紧力矩是多少？");
        browser.FindElement(By.Id("ask")).Click();
        var tableAnswer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null && e.Text.Contains("M12", StringComparison.Ordinal));
        Assert.Contains("拧紧力矩 Torque (N·m)", tableAnswer.FindElements(By.CssSelector("table.quoted th")).Select(c => c.Text));
        // Both grades of M12: the stronger grade's torque is never left out of sight.
        Assert.Equal(["M12", "8.8", "82", "±8%", "M12", "10.9", "115", "±8%"], tableAnswer.FindElements(By.CssSelector("table.quoted td")).Select(c => c.Text));
        Assert.NotEmpty(tableAnswer.FindElements(By.CssSelector(".text .chip")));

        browser.FindElement(By.Id("lang")).Click();
        Assert.Equal("问答", browser.FindElement(By.CssSelector(".tab[data-view=chat]")).Text);
    }

    [SkippableFact]
    public void Chat_GeneratingModel_VerifiedTextStreamsThenAnswerAndFeedback()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        var model = new ScriptedChatClient(_ => "M12 螺栓的拧紧力矩为 82 N·m。[1]");
        using var server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        var url = Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#question").SendKeys("M12 螺栓的拧紧力矩是多少？");
        browser.FindElement(By.Id("ask")).Click();

        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        // One verified sentence: released once, when the model finished it.
        Assert.Equal(1, int.Parse(answer.GetAttribute("data-tokens") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("generated", answer.FindElement(By.CssSelector(".mode")).GetAttribute("class")!.Split(' ')[1]);
        Assert.StartsWith("M12 螺栓的拧紧力矩为 82 N·m。", answer.FindElement(By.CssSelector(".text")).Text, StringComparison.Ordinal);
        answer.FindElements(By.CssSelector(".feedback button"))[0].Click();
        answer.FindElement(By.CssSelector(".feedback .comment")).SendKeys("ok");
        answer.FindElements(By.CssSelector(".feedback button")).Last(b => b.Displayed).Click();
        browser.WaitFor(".feedback .muted");
    }

    [SkippableFact]
    public void Chat_NoDirectAnswer_ClosestPassagesBadgedAndHeadedAsNotAnAnswer()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Settings = new Dictionary<string, string> { ["Answering:GateThreshold"] = "0", ["Answering:AnswerThreshold"] = "1" } };
        var url = Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#question").SendKeys("What is the oil change interval of the AC-37 compressor?");
        browser.FindElement(By.Id("ask")).Click();

        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        Assert.Equal("closest", answer.GetAttribute("data-outcome"));
        Assert.Contains("closest", answer.GetAttribute("class")!.Split(' '));
        var badge = answer.FindElement(By.CssSelector(".mode"));
        Assert.Equal("No direct answer · closest passages", badge.Text);
        Assert.DoesNotContain("quote", badge.GetAttribute("class")!.Split(' '));
        Assert.StartsWith("No direct answer found; the closest passages are:", answer.FindElement(By.CssSelector(".text")).Text, StringComparison.Ordinal);
        Assert.Equal("Closest passages (not an answer)", answer.FindElement(By.CssSelector("h4")).Text);
        Assert.Empty(answer.FindElements(By.XPath(".//h4[text()='Sources']")));
    }

    [SkippableFact]
    public void Documents_EditorUploadsFile_JobIndexedAndRowListedThenDeleted()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Anonymous = false };
        var key = server.AddKey("docs", ApiKeyRole.Editor, "production");
        var url = Listen(server);
        var file = Path.Combine(server.DataDirectory, "WI-311 锯床换锯条.md");
        File.WriteAllText(file, "# WI-311 锯床换锯条\n\n## 3 步骤\n\n1. 断电并挂牌。\n2. 松开张紧手轮，取下旧锯条。\n");
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor(".tab[data-view=documents]").Click();
        browser.WaitFor("#upload-files").SendKeys(file);
        browser.FindElement(By.Id("upload-groups")).SendKeys("production");
        browser.FindElement(By.CssSelector("#upload-form button[type=submit]")).Click();

        browser.WaitFor("#upload-jobs .job.indexed");
        var row = browser.WaitFor("#document-rows tr", r => r.Text.Contains("WI-311", StringComparison.Ordinal));
        Assert.Contains("production", row.Text, StringComparison.Ordinal);
        row.FindElement(By.CssSelector("button.danger")).Click();
        browser.SwitchTo().Alert().Accept();
        new OpenQA.Selenium.Support.UI.WebDriverWait(browser, Until.HangGuard).Until(d => !d.FindElement(By.Id("document-rows")).Text.Contains("WI-311", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "uploads", Path.GetFileName(file))));
    }

    [SkippableFact]
    public void Chat_ChineseQuestionEnglishManual_ClauseQuotedFirstAndMarkedAsEnglish()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Anonymous = false, Settings = AnswerSettings.Answering() };
        var key = server.AddKey("technician", ApiKeyRole.Reader);
        var url = Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor("#question").SendKeys("空压机换油周期");
        browser.FindElement(By.Id("ask")).Click();

        // Quote mode without a model: the English clause, verbatim, first among the passages, labelled as English.
        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        var text = answer.FindElement(By.CssSelector(".text")).Text;
        Assert.Contains("（英文原文）\n3.3 Replace the oil filter and the compressor oil every 4,000 operating hours.", text, StringComparison.Ordinal);
        var first = answer.FindElements(By.CssSelector("ul.citations li"))[0];
        Assert.Contains("MM-AC-037", first.Text, StringComparison.Ordinal);
        Assert.Contains("3.3", first.Text, StringComparison.Ordinal);
        Assert.Equal("in English", first.FindElement(By.CssSelector(".lang-tag")).Text);

        // ICP_SCREENSHOTS=<folder>: the answer as a technician sees it, on a desktop and on a phone (390 px), to look at.
        if (Environment.GetEnvironmentVariable("ICP_SCREENSHOTS") is { Length: > 0 } shots)
        {
            Directory.CreateDirectory(shots);
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(shots, "cross-language-desktop.png"));
            browser.Manage().Window.Size = new System.Drawing.Size(390, 844);
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(shots, "cross-language-phone.png"));
            browser.Manage().Window.Size = new System.Drawing.Size(1280, 900);
        }

        answer.FindElement(By.CssSelector(".text .chip")).Click();
        Assert.StartsWith("3.3 Replace the oil filter and the compressor oil every 4,000 operating hours.", browser.WaitFor("#source-text mark", e => e.Text.Length > 0).Text, StringComparison.Ordinal);
        Assert.Contains("MM-AC-037", browser.FindElement(By.Id("source-title")).Text, StringComparison.Ordinal);
    }

    // The factory's in-memory server cannot take a browser; Kestrel on a free loopback port can.
    internal static string Listen(CorpusServer server)
    {
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ReadyAsync().GetAwaiter().GetResult();
        return address + "/";
    }
}
