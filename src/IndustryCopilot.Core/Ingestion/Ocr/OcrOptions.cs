using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>
/// OCR of PDF pages without a text layer (configuration section <c>Ocr</c>): pages are rendered by poppler's
/// <c>pdftoppm</c> and read by Tesseract, both run as external programs (Debian packages <c>poppler-utils</c>,
/// <c>tesseract-ocr</c>, <c>tesseract-ocr-eng</c>, <c>tesseract-ocr-chi-sim</c>).
/// </summary>
public sealed class OcrOptions : IValidatedOptions
{
    public const string Section = "Ocr";

    /// <summary>False leaves pages without a text layer unsearchable (listed as needing OCR). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tesseract languages, <c>+</c>-joined. Default <c>chi_sim+eng</c> (Chinese, English and mixed pages).</summary>
    public string Languages { get; set; } = "chi_sim+eng";

    /// <summary>Rendering resolution in dots per inch. Default 300 (Tesseract's sweet spot for body text).</summary>
    public int Dpi { get; set; } = 300;

    /// <summary>Longest time for rendering plus recognising one page; a page over it fails alone. Default 180 s.</summary>
    public int PageTimeoutSeconds { get; set; } = 180;

    /// <summary>Pages recognised at once. Default 1 (Tesseract already uses every core for one page).</summary>
    public int MaxParallelPages { get; set; } = 1;

    /// <summary>Tesseract program. Default <c>tesseract</c> (on PATH).</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>poppler's page renderer. Default <c>pdftoppm</c> (on PATH).</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>
    /// Folder for the rendered page images while they are read (one subfolder per page, deleted afterwards, whatever
    /// happens). Default empty: the system temp folder (<c>TMPDIR</c>, else <c>/tmp</c>). A 600-dpi A4 page is ~30 MB.
    /// </summary>
    public string WorkDirectory { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (Dpi is < 72 or > 1200 || PageTimeoutSeconds is < 1 or > 3600 || MaxParallelPages is < 1 or > 64)
        {
            yield return "Ocr: Dpi 72–1200, PageTimeoutSeconds 1–3600 and MaxParallelPages 1–64 are required";
        }

        if (string.IsNullOrWhiteSpace(Languages) || Languages.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '+')))
        {
            yield return $"Ocr:Languages must be Tesseract language codes joined by '+', not '{Languages}'";
        }
    }
}
