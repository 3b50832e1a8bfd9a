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
        Assert.EndsWith("?", greeting.Text, StringComparison.Ordinal);
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

        // Answer again: the same question asked anew, a third answer below the two.
        browser.FindElements(By.CssSelector(".message.answer .regenerate"))[1].Click();
        browser.WaitFor(".message.answer[data-answer-id]", _ => browser.FindElements(By.CssSelector(".message.answer[data-answer-id]")).Count == 3);
        Assert.Equal("M12 螺栓的拧紧力矩是多少？", browser.FindElements(By.CssSelector(".message.user")).Last().Text);

        // Search in history: a second conversation, then only the one whose title holds the words stays listed.
        browser.FindElement(By.Id("new-conversation")).Click();
        Ask(browser, "E-205 报警怎么处理？", 1);
        browser.WaitFor("#history-list li .open", e => e.Text == "E-205 报警怎么处理？");
        browser.FindElement(By.Id("history-search")).SendKeys("oil change");
        Assert.Equal(["What is the oil change interval of the AC-37 compressor?"], browser.FindElements(By.CssSelector("#history-list li .open")).Where(e => e.Displayed).Select(e => e.Text));
        browser.FindElement(By.Id("history-search")).Clear();
        browser.FindElement(By.Id("history-search")).SendKeys(" ");
        browser.FindElement(By.Id("history-search")).SendKeys(Keys.Backspace);
        browser.ClickWhenReady("#history-list li[data-conversation] .delete");
        browser.SwitchTo().Alert().Accept();
        browser.WaitFor("#history-list li .open", e => e.Text == "What is the oil change interval of the AC-37 compressor?" && browser.FindElements(By.CssSelector("#history-list li")).Count == 1);
        browser.ClickWhenReady("#history-list .open");
        browser.WaitFor(".message.answer[data-answer-id]", _ => browser.FindElements(By.CssSelector(".message.answer[data-answer-id]")).Count == 3);

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

    [SkippableFact]
    public async Task Stream_ModelWritingWordByWord_PageNeverShowsWhatTheFinalAnswerWouldNot()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        const string reply = "The AC-37 compressor oil is changed every 4,000 operating hours [n]. Grease the motor bearings monthly [n]. The oil filter is changed every 900 hours [n]. Use only HD-46 compressor oil [n].";
        using var model = new SteppedChatClient(messages => reply.Replace("[n]", $"[{PromptSources.NumberOf(messages[^1].Text, "4,000")}]", StringComparison.Ordinal));
        using var server = new CorpusServer { Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "stepped") };
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#question").SendKeys("How often is the AC-37 compressor oil changed?");
        browser.FindElement(By.Id("ask")).Click();

        var words = reply.Split(' ');
        var secondSentence = Array.IndexOf(words, "Grease") + 1;
        for (var step = 1; step <= words.Length; step++)
        {
            model.Step();
            await Until.Signalled(() => model.Written >= step, h => model.Wrote += h, h => model.Wrote -= h, $"word {step}");
            if (step == secondSentence)
            {
                // The first sentence is complete and verified once the next begins: it reaches the page before the end.
                browser.WaitFor(".message.answer:last-of-type .text", e => e.Text.Contains("4,000 operating hours", StringComparison.Ordinal));
            }

            // Whatever has reached the page so far must be verified text: no planted sentence, at any step.
            var shown = browser.FindElement(By.CssSelector(".message.answer:last-of-type .text")).Text;
            Assert.DoesNotContain("Grease", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("900", shown, StringComparison.Ordinal);
        }

        var answer = browser.WaitFor(".message.answer[data-answer-id]");
        var final = answer.FindElement(By.CssSelector(".text")).Text;
        Assert.Contains("4,000 operating hours", final, StringComparison.Ordinal);
        Assert.Contains("HD-46", final, StringComparison.Ordinal);
        Assert.DoesNotContain("Grease", final, StringComparison.Ordinal);
        Assert.DoesNotContain("900", final, StringComparison.Ordinal);
    }

    private static void Ask(OpenQA.Selenium.Chrome.ChromeDriver browser, string question, int count)
    {
        browser.WaitFor("#question").SendKeys(question);
        browser.FindElement(By.Id("ask")).Click();
        browser.WaitFor(".message.answer[data-answer-id]", _ => browser.FindElements(By.CssSelector(".message.answer[data-answer-id]")).Count == count);
    }
}
