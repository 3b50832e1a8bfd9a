using System.Text.RegularExpressions;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Ingestion.Reading;

public sealed class PdfReaderTests
{
    private readonly PdfReader _reader = new(new IngestionOptions());

    [SkippableFact]
    public void Read_EverySharedPdf_SucceedsWithOneBasedPages()
    {
        foreach (var file in Directory.GetFiles(EvalData.Path("pdf-docs-en"), "*.pdf"))
        {
            var result = _reader.Read(file, CancellationToken.None);

            Assert.True(result.Succeeded, $"{Path.GetFileName(file)}: {result.Error}");
            Assert.All(result.Document!.Blocks, b => Assert.InRange(b.Page!.Value, 1, result.Document.PageCount));
        }
    }

    [SkippableFact]
    public void Read_ScannedLinn_ReportsPageNeedingOcr()
    {
        var result = _reader.Read(EvalData.Path("pdf-docs-en", "linn.pdf"), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([1], result.Document!.PagesNeedingOcr);
        Assert.Empty(result.Document.Blocks);
    }

    [SkippableFact]
    public void Read_ThreeColumnFederalRegister_KnownParagraphReadsContiguously()
    {
        var result = _reader.Read(EvalData.Path("pdf-docs-en", "federal-register-2020-17221.pdf"), CancellationToken.None);

        var page3 = Flatten(string.Join(" ", result.Document!.Blocks.Where(b => b.Page == 3).Select(b => b.Text)));
        Assert.Contains(
            "Second, in the event that MCAS is activated as intended (i.e., during a high AOA event), the updated flight control "
            + "laws software would limit the number of MCAS activations to one per high AOA event, and limit the magnitude of any "
            + "single activation so that the flightcrew could maintain pitch control",
            page3);
    }

    [SkippableFact]
    public void Read_TwoColumnHandbookPage_ColumnTextIsNotInterleaved()
    {
        var result = _reader.Read(EvalData.Path("pdf-docs-en", "amt_handbook_sample.pdf"), CancellationToken.None);

        var text = Flatten(string.Join(" ", result.Document!.Blocks.Select(b => b.Text)));
        Assert.Contains("The wing type that is the most common ranges in size for No. 6 up to 1⁄4 inch, the Rol-top ranges from 1⁄4 inch to 1⁄6 inch", text);
    }

    [Fact]
    public void Read_RowInterleavedColumns_UsesLayoutAnalysisAndKeepsColumnsApart()
    {
        var left = Enumerable.Range(1, 12).Select(i => $"left column sentence number {i} talks about pumps").ToList();
        var right = Enumerable.Range(1, 12).Select(i => $"right column sentence number {i} talks about valves").ToList();
        using var dir = new TempDirectory();
        var path = dir.File("columns.pdf", HostileFiles.InterleavedTwoColumnPdf(left, right));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Document!.PagesReadByLayout);
        var text = Flatten(string.Join(" ", result.Document.Blocks.Select(b => b.Text)));
        Assert.Contains("left column sentence number 1 talks about pumps left column sentence number 2 talks about pumps", text);
        Assert.Contains("right column sentence number 1 talks about valves right column sentence number 2 talks about valves", text);
    }

    [Fact]
    public void Read_SimpleSingleColumn_UsesContentOrder()
    {
        using var dir = new TempDirectory();
        var path = dir.File("one.pdf", HostileFiles.Pdf("1 Scope", "This standard applies to the CNC line.", "2 Requirements", "Torque shall be 45 N.m."));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.Document!.PagesReadByLayout);
        Assert.Equal(1, result.Document.PageCount);
        Assert.Contains(result.Document.Blocks, b => b.Text == "1 Scope");
    }

    [Fact]
    public void Read_ChineseCidFontPdf_RejoinsLineBreaksAndGlyphGaps()
    {
        using var dir = new TempDirectory();
        var path = dir.File("zh.pdf", RawPdf.ChinesePage(
            (60, 780, "第二条 空压机运行满500小时应更换滤", 0),
            (60, 764, "芯，并检查油位。", 0),
            (60, 730, "第三条 排气温度不超过105℃。", 120),
            (60, 700, "第四条 每班点检一次。", 400)));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["第二条 空压机运行满500小时应更换滤芯，并检查油位。", "第三条 排气温度不超过105℃。", "第四条 每班点检一次。"], result.Document!.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Read_NumberStartingAWrappedLine_ContinuesTheParagraph()
    {
        using var dir = new TempDirectory();
        var path = dir.File("wrap.pdf", HostileFiles.Pdf(
            "Employers must develop, document, implement and enforce energy control procedures [see the note to",
            "29 CFR 1910.147(c)(4)(i) for an exception",
            "to the documentation requirements] and inspect them at least annually, as the standard describes.",
            "2 Training"));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Document!.Blocks.Count);
        Assert.Contains("[see the note to 29 CFR 1910.147(c)(4)(i) for an exception", result.Document.Blocks[0].Text);
        Assert.Equal("2 Training", result.Document.Blocks[1].Text);
    }

    [Fact]
    public void Read_ContentsPage_Dropped()
    {
        using var dir = new TempDirectory();
        var path = dir.File("toc.pdf", HostileFiles.Pdf(
            "Contents",
            "Background ............................................ 1",
            "Why do I need to be concerned",
            "about lockout/tagout? ................................. 2",
            "Requirements of the Standard .......................... 5",
            "Training ............................................... 9",
            "Periodic inspections ................................... 11",
            "Commonly Used Terms .................................... 14"));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Document!.Blocks);
    }

    [Fact]
    public void Read_CostTableWithDotLeaders_Kept()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cost.pdf", HostileFiles.Pdf(
            "Estimated costs",
            "AOA sensor system test ......... 40 work-hours x $85 per hour = $3,400 ......... $248,200.",
            "FCC OPS installation ........... 1 work-hour x $85 per hour = $85 ............. $6,205."));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.Contains("$248,200.", string.Join(" ", result.Document!.Blocks.Select(b => b.Text)));
    }

    [Fact]
    public void Read_EncryptedPdf_FailsWithPasswordMessage()
    {
        using var dir = new TempDirectory();
        var path = dir.File("locked.pdf", HostileFiles.EncryptedPdf());

        var result = _reader.Read(path, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Matches("encrypted|damaged", result.Error!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Read_EmptyOrRandomBytes_FailsWithError(int seed)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.pdf", seed == 0 ? [] : HostileFiles.RandomBytes(4096, seed));

        var result = _reader.Read(path, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Read_OverPageLimit_FailsNamingTheSetting()
    {
        using var dir = new TempDirectory();
        var path = dir.File("two.pdf", HostileFiles.PdfPages(["page one"], ["page two"]));

        var limited = new PdfReader(new IngestionOptions { MaxPages = 1 }).Read(path, CancellationToken.None);
        var allowed = new PdfReader(new IngestionOptions { MaxPages = 2 }).Read(path, CancellationToken.None);

        Assert.False(limited.Succeeded);
        Assert.Contains("Ingestion:MaxPages", limited.Error);
        Assert.True(allowed.Succeeded, allowed.Error);
        Assert.Equal([1, 2], allowed.Document!.Blocks.Select(b => b.Page!.Value));
    }

    [Fact]
    public void Read_OverSizeLimit_FailsNamingTheSetting()
    {
        using var dir = new TempDirectory();
        var path = dir.File("one.pdf", HostileFiles.Pdf("hello"));

        var limited = new PdfReader(new IngestionOptions { MaxFileBytes = 10 }).Read(path, CancellationToken.None);

        Assert.False(limited.Succeeded);
        Assert.Contains("Ingestion:MaxFileBytes", limited.Error);
    }

    private static string Flatten(string text) => Regex.Replace(text, @"\s+", " ");
}
