using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>The chat page's kept conversations (list, reopen, rename, delete) and the Stop button, in Chromium.</summary>
public sealed class ConversationUiTests
{
    [SkippableFact]
    public void History_AskNewReopenRenameDelete()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer { Anonymous = false };
        var key = server.AddKey("operator", ApiKeyRole.Reader);
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();

        // The empty page greets with what the copilot knows and examples from the documents; one asks at a click.
        var greeting = browser.WaitFor("#greeting .example");
        Assert.StartsWith("What does ", greeting.Text, StringComparison.Ordinal);
        Assert.Contains("documents:", browser.FindElement(By.Id("greeting")).Text, StringComparison.Ordinal);

        Ask(browser, "What is the oil change interval of the AC-37 compressor?", 1);
        Ask(browser, "M12 螺栓的拧紧力矩是多少？", 2);
        // The list is drawn again after each answer, so it is read by waiting for its content, not by holding an element.
        browser.WaitFor("#history-list li .open", e => e.Text == "What is the oil change interval of the AC-37 compressor?");

        browser.FindElement(By.Id("new-conversation")).Click();
        Assert.Empty(browser.FindElements(By.CssSelector(".message")));
        browser.ClickWhenReady("#history-list .open");
        browser.WaitFor(".message.answer[data-answer-id]", _ => browser.FindElements(By.CssSelector(".message.answer[data-answer-id]")).Count == 2);
        Assert.Contains("4,000 operating hours", browser.FindElements(By.CssSelector(".message.answer .text"))[0].Text, StringComparison.Ordinal);

        browser.ClickWhenReady("#history-list .rename");
        var rename = browser.SwitchTo().Alert();
        rename.SendKeys("AC-37 <b>and</b> M12");
        rename.Accept();
        Assert.Equal("AC-37 <b>and</b> M12", browser.WaitFor("#history-list .open", e => e.Text.StartsWith("AC-37", StringComparison.Ordinal)).Text);

        browser.ClickWhenReady("#history-list .delete");
        browser.SwitchTo().Alert().Accept();
        new OpenQA.Selenium.Support.UI.WebDriverWait(browser, Until.HangGuard).Until(d => d.FindElements(By.CssSelector("#history-list li")).Count == 0);
        Assert.Empty(browser.FindElements(By.CssSelector(".message")));
    }

    [SkippableFact]
    public async Task Stop_WhileTheModelWrites_AnswerMarkedStoppedAndAskingWorksAgain()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        var model = new ScriptedChatClient(_ => "M12 螺栓的拧紧力矩为 82 N·m。[1]") { Gate = new TaskCompletionSource() };
        using var server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted") };
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(url);

        browser.WaitFor("#question").SendKeys("M12 螺栓的拧紧力矩是多少？");
        browser.FindElement(By.Id("ask")).Click();
        await model.CallsArrived(1);
        browser.WaitFor("#stop").Click();

        var stopped = browser.WaitFor(".message.answer[data-stopped=true]");
        Assert.Equal("Stopped (sentences shown were verified; sources not listed)", stopped.FindElement(By.CssSelector(".mode")).Text);
        Assert.True(browser.FindElement(By.Id("ask")).Enabled);
        Assert.False(browser.FindElement(By.Id("stop")).Displayed);
        model.Gate.SetResult();
    }

    private static void Ask(OpenQA.Selenium.Chrome.ChromeDriver browser, string question, int count)
    {
        browser.WaitFor("#question").SendKeys(question);
        browser.FindElement(By.Id("ask")).Click();
        browser.WaitFor(".message.answer[data-answer-id]", _ => browser.FindElements(By.CssSelector(".message.answer[data-answer-id]")).Count == count);
    }
}
