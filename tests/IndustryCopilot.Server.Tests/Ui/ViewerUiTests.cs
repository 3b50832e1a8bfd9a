using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>The product's own PDF viewer (pdf.js served by the server): a citation opens the PDF at its page with the quoted words marked, behind a link that works again.</summary>
public sealed class ViewerUiTests
{
    [SkippableFact]
    public void Viewer_PdfCitation_OpensAtPageWithQuotedWordsMarkedBehindAShareableLink()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        var pdfjs = Path.Combine(CorpusServer.RepositoryRoot, "artifacts", "webui-vendor", "pdfjs", "VERSION");
        Skip.If(!File.Exists(pdfjs), $"needs pdf.js at {pdfjs}: the server's build installs it with npm (tools/webui); npm was unavailable");
        using var server = new CorpusServer { Anonymous = false };
        var key = server.AddKey("auditor", ApiKeyRole.Reader);
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#key").SendKeys(key);
        browser.FindElement(By.Id("remember")).Click();
        browser.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
        browser.WaitFor("#question").SendKeys("How do I clear alarm A-102 on the compressor?" + Keys.Enter);
        var answer = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null);
        answer.FindElement(By.CssSelector("ul.citations .chip")).Click();
        var link = browser.WaitFor("#source-viewer").GetAttribute("href")!;
        Assert.Contains("/viewer.html#", link, StringComparison.Ordinal);
        Assert.Contains("page=2", link, StringComparison.Ordinal);
        Assert.Contains("Download MM-AC-037_air-compressor-maintenance.pdf", browser.FindElement(By.Id("source-open")).Text, StringComparison.Ordinal);

        // The link as a colleague would open it: a new visit to the address, signed in on this computer.
        browser.Navigate().GoToUrl("about:blank");
        browser.Navigate().GoToUrl(link);
        var layer = browser.WaitFor("#pdf-text", e => int.Parse(e.GetAttribute("data-marked") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Page 2 of 2", browser.FindElement(By.Id("page-of")).Text);
        var marked = string.Concat(layer.FindElements(By.CssSelector("span.cited")).Select(s => s.GetAttribute("textContent")));
        Assert.Contains("A-102", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("A-305", marked, StringComparison.Ordinal);
        Assert.Contains("MM-AC-037", browser.FindElement(By.Id("viewer-title")).Text, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("ICP_UPDATE_SCREENSHOTS") == "1")
        {
            browser.GetScreenshot().SaveAsFile(Path.Combine(CorpusServer.RepositoryRoot, "docs", "images", "ui-viewer-en-desktop.png"));
        }
    }

    [SkippableFact]
    public void SourceLink_NonPdfPassage_AddressOpensThePane()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer();
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#question").SendKeys("E-205 报警怎么处理？" + Keys.Enter);
        var chunk = browser.WaitFor(".message.answer", e => e.GetAttribute("data-answer-id") is not null).FindElement(By.CssSelector("ul.citations .chip")).GetAttribute("data-chunk")!;

        // What "Copy link" gives for a Word document's passage: the page with the passage open.
        browser.Navigate().GoToUrl("about:blank");
        browser.Navigate().GoToUrl($"{url}#source={Uri.EscapeDataString(chunk)}");
        Assert.Contains("SOP-PR-017", browser.WaitFor("#source-title", e => e.Text.Contains("SOP", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.Contains("E-205", browser.FindElement(By.Id("source-text")).Text, StringComparison.Ordinal);
        Assert.Contains("SOP-PR-017_CNC换刀作业指导书.docx", browser.FindElement(By.Id("source-open")).Text, StringComparison.Ordinal);
    }
}
