namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>Tesseract and pdftoppm on PATH; OCR tests skip with the reason when they are not installed.</summary>
internal static class OcrTools
{
    public static void Require()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        bool Has(string tool) => path.Any(p => File.Exists(Path.Combine(p, tool)));
        Skip.If(!Has("tesseract") || !Has("pdftoppm"), "tesseract/pdftoppm not installed (Debian packages tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-chi-sim, poppler-utils)");
    }

    /// <summary>A font with Chinese glyphs, which poppler needs to render the generated Chinese page.</summary>
    public static void RequireChineseFont()
    {
        Require();
        var fonts = new[] { "/usr/share/fonts/truetype/wqy", "/usr/share/fonts/truetype/droid", "/usr/share/fonts/opentype/noto" };
        Skip.If(!fonts.Any(Directory.Exists), "no Chinese font installed for rendering the test page (Debian package fonts-wqy-microhei)");
    }
}
