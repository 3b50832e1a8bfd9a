using IndustryCopilot.Core.Tests.Fixtures;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (Selenium's own downloads cannot work offline, so both
/// paths are given). Tests skip with the reason when <c>apt-get install chromium chromium-driver</c> has not run.
/// </summary>
internal static class Chromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static string? Missing =>
        File.Exists(Browser) && File.Exists(Driver) ? null : $"needs Debian's chromium and chromium-driver ({Browser}, {Driver}); test.sh installs them";

    /// <param name="language">The browser's language (what <c>navigator.language</c> says).</param>
    public static ChromeDriver Start(string language = "en-US")
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900", $"--lang={language}");
        options.AddUserProfilePreference("intl.accept_languages", language);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, Until.HangGuard); // the command timeout: a hang guard too
    }

    /// <summary>
    /// Waits for an element matching <paramref name="css"/> that satisfies <paramref name="condition"/>. A page raises no
    /// event a test can subscribe to, so WebDriver asks it again and again; only <see cref="Until.HangGuard"/> ends the wait.
    /// </summary>
    public static IWebElement WaitFor(this IWebDriver driver, string css, Func<IWebElement, bool>? condition = null)
    {
        var wait = new WebDriverWait(driver, Until.HangGuard);
        // Lists the page draws again (history, keys) replace their elements; one found just before is asked again.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait.Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed && (condition?.Invoke(e) ?? true)));
    }

    /// <summary>Clicks the element matching <paramref name="css"/>, finding it again if the page redrew it in between.</summary>
    public static void ClickWhenReady(this IWebDriver driver, string css)
    {
        var wait = new WebDriverWait(driver, Until.HangGuard);
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        wait.Until(d =>
        {
            d.FindElement(By.CssSelector(css)).Click();
            return true;
        });
    }
}
