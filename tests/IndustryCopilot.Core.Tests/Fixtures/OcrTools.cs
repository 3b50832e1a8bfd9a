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

    /// <summary>1 − edit distance / length of the reference, both with whitespace collapsed.</summary>
    public static double CharacterAccuracy(string recognised, string reference)
    {
        static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var a = Collapse(recognised);
        var b = Collapse(reference);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return 1 - (previous[b.Length] / (double)Math.Max(1, b.Length));
    }
}
