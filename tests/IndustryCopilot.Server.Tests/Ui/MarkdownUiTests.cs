using IndustryCopilot.Server.Tests.Fixtures;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Ui;

/// <summary>The page's Markdown renderer (js/markdown.js) in real Chromium: structure rendered, HTML never interpreted.</summary>
public sealed class MarkdownUiTests
{
    private const string Generated = """
        Torque steps for **M12** bolts [1]:

        1. Clean the thread <img src=x onerror="window.pwned=1">
        2. Tighten to `82 N·m` [2]

        ```
        <script>window.pwned=2</script>
        ```

        | Size | Torque |
        |---|---|
        | M12 | <b>82</b> |
        """;

    [SkippableFact]
    public void Render_GeneratedMarkdown_ListsCodeTablesBoldWithoutAnyHtml()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer();
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#question");

        var html = Render(browser, Generated, rich: true);

        Assert.Contains("<strong>M12</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<ol start=\"1\"><li>Clean the thread &lt;img src=x onerror=\"window.pwned=1\"&gt;</li><li>Tighten to <code>82 N·m</code> <cite>2</cite></li></ol>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>&lt;script&gt;window.pwned=2&lt;/script&gt;</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Size</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;82&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Null(((IJavaScriptExecutor)browser).ExecuteScript("return window.pwned ?? null;"));
    }

    [SkippableFact]
    public void Render_QuotedText_KeepsItsNumberingAndLineBreaks()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        using var server = new CorpusServer();
        var url = ChatUiTests.Listen(server);
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(url);
        browser.WaitFor("#question");

        var html = Render(browser, "3. Open the valve [1]\n4. Start the **pump**", rich: false);

        Assert.Equal("3. Open the valve <cite>1</cite>\n4. Start the <strong>pump</strong>\n", html);
    }

    private static string Render(OpenQA.Selenium.Chrome.ChromeDriver browser, string text, bool rich) =>
        (string)((IJavaScriptExecutor)browser).ExecuteAsyncScript("""
            const [text, rich, done] = arguments;
            import('/js/markdown.js').then(m => {
              const box = document.createElement('div');
              m.render(box, text, n => { const c = document.createElement('cite'); c.textContent = String(n); return c; }, rich);
              done(box.innerHTML);
            });
            """, text, rich)!;
}
