namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>
/// Recognises the text of PDF pages: each page rendered to a PNG by pdftoppm in a private temporary folder (deleted
/// afterwards, whatever happens) and read by Tesseract. Pages run in parallel up to <see cref="OcrOptions.MaxParallelPages"/>;
/// each has its own deadline (measured on <paramref name="time"/>, default the system clock) and fails alone.
/// </summary>
public sealed class PdfPageOcr(OcrOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<IReadOnlyList<(int Page, OcrPage? Result, string? Error)>> RecognizeAsync(string pdfPath, IReadOnlyList<int> pages, CancellationToken cancellationToken)
    {
        var results = new (int, OcrPage?, string?)[pages.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelPages, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), parallel, async (i, token) =>
        {
            try
            {
                results[i] = (pages[i], await RecognizePageAsync(pdfPath, pages[i], token).ConfigureAwait(false), null);
            }
            catch (OcrException ex)
            {
                results[i] = (pages[i], null, ex.Message);
            }
        }).ConfigureAwait(false);
        return results;
    }

    public async Task<OcrPage> RecognizePageAsync(string pdfPath, int page, CancellationToken cancellationToken)
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
            await ExternalTool.RunAsync(options.PdftoppmPath, ["-r", options.Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", p, "-l", p, "-png", "-singlefile", pdfPath, prefix], "poppler-utils", timeout, _time, cancellationToken).ConfigureAwait(false);
            var image = prefix + ".png";
            if (!File.Exists(image))
            {
                throw new OcrException($"pdftoppm rendered no image for page {page}");
            }

            var left = timeout - _time.GetElapsedTime(started);
            var tsv = await ExternalTool.RunAsync(options.TesseractPath, [image, "stdout", "-l", options.Languages, "--psm", "3", "tsv"], "tesseract-ocr (with tesseract-ocr-eng and tesseract-ocr-chi-sim)", left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
            return TesseractTsv.Parse(page, tsv);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
