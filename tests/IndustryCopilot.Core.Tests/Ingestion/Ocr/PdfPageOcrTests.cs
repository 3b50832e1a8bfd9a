using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Ocr;
using IndustryCopilot.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace IndustryCopilot.Core.Tests.Ingestion.Ocr;

public sealed class PdfPageOcrTests(ITestOutputHelper output)
{
    private static Task<IngestionReport> IndexAsync(SqliteIndex index, string path, OcrOptions options) => IndexAsync(index, path, new PdfPageOcr(options));

    private static Task<IngestionReport> IndexAsync(SqliteIndex index, string path, PdfPageOcr ocr) =>
        new IngestionPipeline(index, ReaderRegistry.Default(new IngestionOptions()), new StructuredChunker(new ChunkingOptions()), new IngestionOptions(), TimeProvider.System, null, ocr)
            .RunAsync(new IngestionRequest { Paths = [path] }, null, CancellationToken.None);

    [SkippableFact]
    public async Task RecognizePage_ScannedLinn_CharacterAccuracyAgainstGroundTruth()
    {
        OcrTools.Require();
        var pdf = EvalData.Path("pdf-docs-en", "linn.pdf");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var page = await new PdfPageOcr(new OcrOptions()).RecognizePageAsync(pdf, 1, CancellationToken.None);
        var seconds = started.Elapsed.TotalSeconds; // reported, never asserted

        var accuracy = IndustryCopilot.Evaluation.Metrics.CharacterAccuracy.Of(string.Join("\n", page.Paragraphs), File.ReadAllText(EvalData.Path("pdf-docs-en", "groundtruth", "linn.txt")));
        output.WriteLine($"linn.pdf: character accuracy {accuracy:P1}, mean confidence {page.MeanConfidence:F1}, {seconds:F1} s for 1 page");
        Assert.True(accuracy >= 0.95, $"character accuracy {accuracy:P1}");
        Assert.InRange(page.MeanConfidence, 80, 100);
    }

    [SkippableFact]
    public async Task Index_ScannedLinn_SearchableAndChunksCarryConfidence()
    {
        OcrTools.Require();
        var pdf = EvalData.Path("pdf-docs-en", "linn.pdf");
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        var file = (await IndexAsync(index, pdf, new OcrOptions { Languages = "eng" })).Files.Single();

        Assert.Equal(1, file.PagesByOcr);
        Assert.Empty(file.PagesNeedingOcr!);
        Assert.All(index.GetChunks(file.DocumentId!), c => Assert.InRange(c.OcrConfidence!.Value, 50, 100));
        Assert.NotEmpty(index.SearchLexical("LinnSequencer MIDI", 3));
    }

    [SkippableFact]
    public async Task Index_TesseractMissing_PageStaysNeedingOcrWithPackageNamed()
    {
        var pdf = EvalData.Path("pdf-docs-en", "linn.pdf");
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        var file = (await IndexAsync(index, pdf, new OcrOptions { TesseractPath = "/nonexistent/tesseract", PdftoppmPath = "/nonexistent/pdftoppm" })).Files.Single();

        Assert.Equal(FileOutcomeKind.Indexed, file.Kind);
        Assert.Equal([1], file.PagesNeedingOcr);
        Assert.Contains("poppler-utils", file.OcrError);
    }

    [SkippableFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the stand-in renderer is a shell script
    public async Task Index_PageOverTimeout_FailsAloneAndSaysWhy()
    {
        var pdf = EvalData.Path("pdf-docs-en", "linn.pdf");
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        // A renderer that never finishes, on a clock that moves only when told: the page's deadline is what ends it.
        var renderer = dir.File("tools/pdftoppm", "#!/bin/sh\nexec sleep 600\n");
        File.SetUnixFileMode(renderer, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var work = Directory.CreateDirectory(dir.Sub("ocr-work")).FullName;
        var clock = new WatchedClock();
        var ocr = new PdfPageOcr(new OcrOptions { PageTimeoutSeconds = 1, PdftoppmPath = renderer, WorkDirectory = work }, clock);

        var run = Task.Run(() => IndexAsync(index, pdf, ocr));
        await clock.TimersCreated(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        var file = (await Until.Guarded(run, "indexing after the page deadline")).Files.Single();

        Assert.Equal(FileOutcomeKind.Indexed, file.Kind);
        Assert.Equal([1], file.PagesNeedingOcr);
        Assert.Contains("pdftoppm took longer than 1 s (Ocr:PageTimeoutSeconds)", file.OcrError);
        Assert.Empty(Directory.GetFileSystemEntries(work));
    }

    [SkippableFact]
    public async Task Index_ScannedChinesePage_RecognisedAndFoundByChineseQuery()
    {
        OcrTools.RequireChineseFont();
        using var dir = new TempDirectory();
        var scanned = dir.File("scanned.pdf", ScannedPage(dir, RawPdf.ChinesePage(
            (72, 760, "第五条 空压机维护规程", 0),
            (72, 730, "滤芯每运行五百小时更换一次，更换前必须停机泄压。", 0),
            (72, 700, "润滑油每两千小时更换一次。", 0))));
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Sub("data") });

        var file = (await IndexAsync(index, scanned, new OcrOptions())).Files.Single();

        var text = string.Join("\n", index.GetChunks(file.DocumentId!).Select(c => c.Text));
        output.WriteLine(text);
        Assert.Equal(1, file.PagesByOcr);
        Assert.Contains("更换前必须停机泄压", text);
        Assert.DoesNotContain(" ，", text);
        Assert.DoesNotContain("停机 泄压", text);
        Assert.NotEmpty(index.SearchLexical("滤芯多久更换", 3));
    }

    // Renders a text PDF to a 300 dpi image with pdftoppm, then wraps the image alone in a new PDF: a scan.
    private static byte[] ScannedPage(TempDirectory dir, byte[] textPdf)
    {
        var source = dir.File("text.pdf", textPdf);
        var prefix = dir.Sub("render");
        using (var render = System.Diagnostics.Process.Start("pdftoppm", ["-r", "300", "-png", "-singlefile", source, prefix])!)
        {
            render.WaitForExit();
        }

        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(File.ReadAllBytes(prefix + ".png"), new UglyToad.PdfPig.Core.PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }
}
