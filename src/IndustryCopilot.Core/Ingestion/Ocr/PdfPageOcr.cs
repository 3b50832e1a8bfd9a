namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>
/// Recognises the text of PDF pages: each page rendered to a PNG by pdftoppm in a private temporary folder (deleted
/// afterwards, whatever happens) and read by Tesseract. Pages run in parallel up to <see cref="OcrOptions.MaxParallelPages"/>;
/// each has its own deadline (measured on <paramref name="time"/>, default the system clock) and fails alone.
/// </summary>
public sealed class PdfPageOcr(OcrOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IReadOnlyList<(int Page, OcrPage? Result, string? Error)> Recognize(string pdfPath, IReadOnlyList<int> pages, CancellationToken cancellationToken)
    {
        var results = new (int, OcrPage?, string?)[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelPages, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                results[i] = (pages[i], RecognizePage(pdfPath, pages[i], cancellationToken), null);
            }
            catch (OcrException ex)
            {
                results[i] = (pages[i], null, ex.Message);
            }
        });
        return results;
    }

    public OcrPage RecognizePage(string pdfPath, int page, CancellationToken cancellationToken)
    {
        var work = string.IsNullOrEmpty(options.WorkDirectory)
            ? Directory.CreateTempSubdirectory("icp-ocr-")
            : Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "icp-ocr-" + Guid.NewGuid().ToString("N")));
        try
        {
            var started = _time.GetTimestamp();
            var timeout = TimeSpan.FromSeconds(options.PageTimeoutSeconds);
            var prefix = Path.Combine(work.FullName, "page");
            var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ExternalTool.Run(options.PdftoppmPath, ["-r", options.Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", p, "-l", p, "-png", "-singlefile", pdfPath, prefix], "poppler-utils", timeout, _time, cancellationToken);
            var image = prefix + ".png";
            if (!File.Exists(image))
            {
                throw new OcrException($"pdftoppm rendered no image for page {page}");
            }

            var left = timeout - _time.GetElapsedTime(started);
            var tsv = ExternalTool.Run(options.TesseractPath, [image, "stdout", "-l", options.Languages, "--psm", "3", "tsv"], "tesseract-ocr (with tesseract-ocr-eng and tesseract-ocr-chi-sim)", left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), _time, cancellationToken);
            return TesseractTsv.Parse(page, tsv);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
