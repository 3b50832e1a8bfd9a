using System.Drawing;
using IndustryCopilot.Core.Answering.Generation;
using System.Net.Http.Json;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>
/// The chat page as a technician sees it at 1366×900 and on a 390×844 phone: what is inside the window, not merely in the
/// DOM — the sources pane after many questions, the whole remedy of an alarm, every row of a qualifier, the header on
/// one line, and a retry when the server goes away mid-answer.
/// </summary>
public sealed class ChatLayoutTests
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    private static Size SizeOf(string name) => name == "phone" ? Viewport.Phone : Viewport.Desktop;

    private static readonly string[] Questions =
    [
        "What is the oil change interval of the AC-37 compressor?", "E-205 报警怎么处理？", "M12 螺栓的拧紧力矩是多少？",
        "How do I clear alarm A-102 on the compressor?", "换刀前必须做什么？", "未注公差的中等级 m 在 6 到 30 mm 之间是多少？",
        "A-305 怎么复位？", "What part number is the oil filter element?", "主轴预热的步骤是什么？", "How long must the compressor cool down before touching the oil cooler?",
    ];

    private static IWebElement Ask(IWebDriver browser, string question, int turn)
    {
        browser.WaitFor("#question", e => e.Enabled).SendKeys(question + Keys.Enter);
        return browser.WaitFor($".message.answer:nth-of-type({2 * turn})", e => e.GetAttribute("data-answer-id") is not null);
    }

    [SkippableTheory]
    [MemberData(nameof(Sizes))]
    public void Sources_AfterThirdAndTenthQuestion_PaneInViewFocusedAndEscReturns(string size)
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        // An admin: the fullest header (three tabs, language, sign out).
        using var server = new CorpusServer { Anonymous = false, Settings = AnswerSettings.Answering() };
        var key = server.AddKey("zhang.san", Hosting.Security.ApiKeyRole.Admin);
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        Viewport.Resize(browser, SizeOf(size));
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key + Keys.Enter);

        for (var turn = 1; turn <= Questions.Length; turn++)
        {
            var answer = Ask(browser, Questions[turn - 1], turn);
            if (turn is not (3 or 10))
            {
                continue;
            }

            var chip = answer.FindElements(By.CssSelector("ul.citations .chip")).First();
            Assert.StartsWith("Source 1: ", chip.GetAttribute("aria-label"), StringComparison.Ordinal);
            chip.Click();
            var title = browser.WaitFor("#source-title", e => e.Text.Length > 0 && !e.Text.StartsWith("Opening", StringComparison.Ordinal));
            Assert.True(Viewport.Inside(browser, title), $"{size}, question {turn}: source title {Viewport.Describe(browser, title)}");
            var passage = browser.FindElement(By.Id("source-text"));
            Assert.True(Viewport.Box(browser, passage).Top < Viewport.Box(browser, browser.FindElement(By.TagName("body"))).Bottom, "passage below the window");
            Assert.Equal("source-title", browser.SwitchTo().ActiveElement().GetAttribute("id"));
            // The question box stays where it was: only the conversation scrolls.
            Assert.True(Viewport.Inside(browser, browser.FindElement(By.Id("question"))), $"{size}: question box left the window");

            browser.SwitchTo().ActiveElement().SendKeys(Keys.Escape);
            new WebDriverWait(browser, Until.HangGuard).Until(d => !d.FindElement(By.Id("source-panel")).Displayed);
            Assert.Equal(chip.GetAttribute("aria-label"), browser.SwitchTo().ActiveElement().GetAttribute("aria-label"));
        }

        var header = browser.FindElement(By.CssSelector("header.bar"));
        var (_, top, _, bottom) = Viewport.Box(browser, header);
        Assert.True(top >= 0 && bottom - top < 64, $"{size}: header {bottom - top:0} px high — wrapped?");
        var items = header.FindElements(By.CssSelector(".brand, .tab, #lang, #logout, #signin")).Where(e => e.Displayed).Select(e => (e.Text, Box: Viewport.Box(browser, e))).OrderBy(e => e.Box.Left).ToList();
        foreach (var (text, box) in items)
        {
            Assert.InRange(box.Top, top, bottom);
            Assert.True(box.Right <= Viewport.Box(browser, header).Right + 0.5, $"{size}: {text} runs off the header");
        }

        // Side by side, none under another (a tab under the language switch cannot be tapped).
        for (var i = 1; i < items.Count; i++)
        {
            Assert.True(items[i].Box.Left >= items[i - 1].Box.Right - 0.5, $"{size}: {items[i - 1].Text} overlaps {items[i].Text}");
        }

        if (size == "phone")
        {
            // Gloves: every chip, tab and button at least 44 × 44 px.
            foreach (var target in browser.FindElements(By.CssSelector(".chip, .tab, #ask")).Where(e => e.Displayed))
            {
                var (l, t, r, b) = Viewport.Box(browser, target);
                Assert.True(r - l >= 43.5 && b - t >= 43.5, $"{target.GetAttribute("class")} {r - l:0}×{b - t:0}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Sizes))]
    public void Answers_AlarmAndBoltSize_WholeRemedyAndEveryQualifierRowOnScreen(string size)
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer();
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        Viewport.Resize(browser, SizeOf(size));
        browser.Navigate().GoToUrl(url);

        var alarm = Ask(browser, "A-305 怎么复位？", 1);
        // The remedy and its condition, not the alarm's meaning alone, marked as what to do.
        var action = alarm.FindElements(By.CssSelector(".text mark.value")).Single(m => m.Text.Contains("reset only after the cause is removed", StringComparison.Ordinal));
        Assert.True(Viewport.Inside(browser, action), $"{size}: remedy {Viewport.Describe(browser, action)}");

        var torque = Ask(browser, "M12 螺栓的拧紧力矩是多少？", 2);
        var rows = torque.FindElements(By.CssSelector(".text table.quoted tr")).Where(r => r.Text.StartsWith("M12", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            ((IJavaScriptExecutor)browser).ExecuteScript("arguments[0].scrollIntoView({block: 'nearest'})", row);
            Assert.True(Viewport.Inside(browser, row), $"{size}: {row.Text} {Viewport.Describe(browser, row)}");
        }

        Assert.Equal(["82", "115"], torque.FindElements(By.CssSelector(".text mark.value")).Select(m => m.Text));
        var choice = torque.FindElement(By.CssSelector(".choice"));
        Assert.Contains("8.8、10.9", choice.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Answer_ServerStoppedMidAnswer_MessageRetryAndQuestionKept()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var model = new SteppedChatClient(_ => "M12 螺栓的拧紧力矩为 82 N·m。[1]");
        var server = new CorpusServer { AbruptShutdown = true, Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "stepped") };
        try
        {
            var url = ChatUiTests.Listen(server);
            using var browser = Chromium.Start();
            Viewport.Resize(browser, Viewport.Phone);
            browser.Navigate().GoToUrl(url);
            const string question = "M12 螺栓的拧紧力矩是多少？";
            browser.WaitFor("#question").SendKeys(question + Keys.Enter);
            browser.WaitFor("#stop");

            // The model holds its first word; the server goes away with the answer open.
            server.Dispose();

            var failed = browser.WaitFor(".message.answer[data-outcome=failed]");
            Assert.Contains("connection dropped", failed.Text, StringComparison.Ordinal);
            var retry = failed.FindElement(By.CssSelector("button.retry"));
            Assert.True(Viewport.Inside(browser, retry), $"retry {Viewport.Describe(browser, retry)}");
            Assert.Equal(question, browser.FindElement(By.Id("question")).GetAttribute("value"));
            Assert.True(browser.FindElement(By.Id("ask")).Enabled);
        }
        finally
        {
            server.Dispose();
        }
    }

    [SkippableFact]
    public async Task Answer_ModelBusy_WaitShownRetryHeldAndQuestionKept()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        var model = new ScriptedChatClient(_ => "M12 螺栓的拧紧力矩为 82 N·m。[1]") { Gate = new TaskCompletionSource() };
        using var server = new CorpusServer
        {
            Model = ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, 8192, "scripted"),
            Settings = new Dictionary<string, string> { ["Llm:MaxQueue"] = "0" },
        };
        var url = ChatUiTests.Listen(server);
        using var other = new HttpClient { BaseAddress = new Uri(url) };
        // Someone else's answer holds the only model slot (no queue): the next question is turned away as busy.
        var held = other.PostAsJsonAsync("/api/ask", new { question = "E-205 报警怎么处理？" });
        var scheduler = server.Services.GetRequiredService<AnswerOrchestrator>().Scheduler;
        await Until.Signalled(() => scheduler.Running == 1, h => scheduler.Changed += h, h => scheduler.Changed -= h, "the other answer holding the model");
        await model.CallsArrived(1);
        using var browser = Chromium.Start();
        try
        {
            browser.Navigate().GoToUrl(url);
            const string question = "M12 螺栓的拧紧力矩是多少？";
            browser.WaitFor("#question");
            // The page's second-by-second countdown is held here and ticked by the test, so a slow machine cannot let
            // the wait run out before it is looked at.
            browser.ExecuteScript("window.__ticks = []; window.setInterval = f => { window.__ticks.push(f); return window.__ticks.length; }; window.clearInterval = () => {};");
            browser.FindElement(By.Id("question")).SendKeys(question + Keys.Enter);

            var failed = browser.WaitFor(".message.answer[data-outcome=failed]");
            Assert.Contains("busy", failed.Text, StringComparison.Ordinal);
            var retry = failed.FindElement(By.CssSelector("button.retry"));
            Assert.False(retry.Enabled);
            var wait = failed.FindElement(By.CssSelector(".retry-wait")).Text;
            Assert.StartsWith("Retry possible in", wait, StringComparison.Ordinal);
            Assert.Equal(question, browser.FindElement(By.Id("question")).GetAttribute("value"));

            // The wait the server asked for, second by second: then Retry is offered.
            var seconds = int.Parse(System.Text.RegularExpressions.Regex.Match(wait, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
            browser.ExecuteScript($"for (let i = 0; i < {seconds}; i++) window.__ticks.forEach(f => f());");
            Assert.True(retry.Enabled);
        }
        finally
        {
            model.Gate.SetResult();
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, (await held).StatusCode);
    }
}
