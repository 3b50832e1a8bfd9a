using System.Drawing;
using OpenQA.Selenium;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>What a person sees, not what the DOM holds: an element's box against the window, and the window's sizes the acceptance names.</summary>
internal static class Viewport
{
    public static readonly Size Desktop = new(1366, 900);

    public static readonly Size Phone = new(390, 844);

    /// <summary>Sets the inner size (the page's viewport), whatever the browser's own frame takes.</summary>
    public static void Resize(IWebDriver browser, Size size)
    {
        browser.Manage().Window.Size = size;
        var inner = (IReadOnlyCollection<object>)((IJavaScriptExecutor)browser).ExecuteScript("return [window.innerWidth, window.innerHeight];")!;
        var (w, h) = (Convert.ToInt32(inner.First(), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(inner.Last(), System.Globalization.CultureInfo.InvariantCulture));
        browser.Manage().Window.Size = new Size(size.Width + (size.Width - w), size.Height + (size.Height - h));
    }

    /// <summary>The element's box in CSS pixels relative to the viewport: left, top, right, bottom.</summary>
    public static (double Left, double Top, double Right, double Bottom) Box(IWebDriver browser, IWebElement element)
    {
        var r = (IReadOnlyDictionary<string, object>)((IJavaScriptExecutor)browser).ExecuteScript(
            "const r = arguments[0].getBoundingClientRect(); return { l: r.left, t: r.top, r: r.right, b: r.bottom };", element)!;
        double N(string k) => Convert.ToDouble(r[k], System.Globalization.CultureInfo.InvariantCulture);
        return (N("l"), N("t"), N("r"), N("b"));
    }

    /// <summary>True when the whole element lies inside the window, and something of it is drawn (not zero-sized).</summary>
    public static bool Inside(IWebDriver browser, IWebElement element)
    {
        var (left, top, right, bottom) = Box(browser, element);
        var size = (IReadOnlyCollection<object>)((IJavaScriptExecutor)browser).ExecuteScript("return [window.innerWidth, window.innerHeight];")!;
        var width = Convert.ToDouble(size.First(), System.Globalization.CultureInfo.InvariantCulture);
        var height = Convert.ToDouble(size.Last(), System.Globalization.CultureInfo.InvariantCulture);
        return right > left && bottom > top && left >= -0.5 && top >= -0.5 && right <= width + 0.5 && bottom <= height + 0.5;
    }

    /// <summary>Says where the element is, for an assertion's message.</summary>
    public static string Describe(IWebDriver browser, IWebElement element)
    {
        var (left, top, right, bottom) = Box(browser, element);
        return $"box ({left:0},{top:0})–({right:0},{bottom:0})";
    }
}
