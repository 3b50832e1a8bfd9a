using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Tests.Fixtures;
using MiniExcelLibs;

namespace IndustryCopilot.Core.Tests.Ingestion.Reading;

public sealed class OfficeReaderTests
{
    private static readonly IngestionOptions Options = new();

    [Fact]
    public void DocxRead_StylesNumberingTable_BecomeHeadingsLabelledItemsAndTable()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sop.docx");
        OfficeFiles.Docx(path);

        var result = new DocxReader(Options).Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var blocks = result.Document!.Blocks;
        Assert.Equal(new[] { (1, "CNC 换刀作业指导书"), (2, "5 换刀步骤") }, blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => (b.HeadingLevel, b.Text)));
        Assert.Equal(new[] { "1. 按下急停按钮并挂牌。", "2. 松开刀柄拉钉，取下旧刀。", "3. 装入新刀并确认刀号T05。" }, blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.Text));
        var table = Assert.Single(blocks, b => b.Kind == BlockKind.Table).Table!;
        Assert.Equal(["代码", "含义", "处理"], table.Header);
        Assert.Equal("表1 故障代码", table.Caption);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(2, blocks[^1].Page);
        Assert.Equal(2, result.Document.PageCount);
    }

    [Fact]
    public void DocxRead_ZipBomb_RefusedByDecompressedLimit()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bomb.docx", HostileFiles.ZipBomb(64L * 1024 * 1024));

        var result = new DocxReader(new IngestionOptions { MaxDecompressedBytes = 16L * 1024 * 1024, MaxCompressionRatio = 100_000 }).Read(path, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Ingestion:MaxDecompressedBytes", result.Error);
        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the bomb itself is small");
    }

    [Fact]
    public void DocxRead_ZipBombByRatio_Refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bomb.docx", HostileFiles.ZipBomb(32L * 1024 * 1024));

        var result = new DocxReader(Options).Read(path, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("compression ratio", result.Error);
    }

    [Fact]
    public void DocxRead_RandomBytes_FailsWithError()
    {
        using var dir = new TempDirectory();
        var path = dir.File("junk.docx", HostileFiles.RandomBytes(2048, 3));

        var result = new DocxReader(Options).Read(path, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("zip", result.Error);
    }

    [Fact]
    public void XlsxRead_Sheet_BecomesTableWithHeaderRow()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "torque.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new { 规格 = "M8", 拧紧力矩Nm = 25, 备注 = "8.8级" },
            new { 规格 = "M12", 拧紧力矩Nm = 85, 备注 = "8.8级" },
        }, sheetName: "力矩表");

        var result = new XlsxReader(Options).Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var table = Assert.Single(result.Document!.Blocks, b => b.Kind == BlockKind.Table).Table!;
        Assert.Equal(["规格", "拧紧力矩Nm", "备注"], table.Header);
        Assert.Equal(["M12", "85", "8.8级"], table.Rows[1]);
        Assert.Equal("力矩表", result.Document.Blocks[0].Text);
    }

    [Fact]
    public void MarkdownRead_HeadingsListsTables_Preserved()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.md", "# Air Compressor Manual\n\n## 4 Alarms\n\nIntro line one\nline two.\n\n1. Stop the unit.\n2. Vent the tank.\n\nTable 3 Alarm codes\n\n| Code | Meaning |\n|---|---|\n| A-101 | High temperature |\n\n<!-- note -->\n");

        var result = new MarkdownReader(Options).Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var blocks = result.Document!.Blocks;
        Assert.Equal("Air Compressor Manual", result.Document.EmbeddedTitle);
        Assert.Contains(blocks, b => b is { Kind: BlockKind.Paragraph, Text: "Intro line one line two." });
        Assert.Equal(["1. Stop the unit.", "2. Vent the tank."], blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.Text));
        var table = Assert.Single(blocks, b => b.Kind == BlockKind.Table).Table!;
        Assert.Equal(["Code", "Meaning"], table.Header);
        Assert.Equal("Table 3 Alarm codes", table.Caption);
        Assert.DoesNotContain(blocks, b => b is { Kind: BlockKind.Paragraph, Text: "Table 3 Alarm codes" });
    }

    [Fact]
    public void PlainTextRead_GbkFile_DecodesChinese()
    {
        using var dir = new TempDirectory();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = dir.File("gbk.txt", System.Text.Encoding.GetEncoding("GBK").GetBytes("第一条 设备点检每班一次。\n第二条 滤芯每500小时更换。"));

        var result = new PlainTextReader(Options).Read(path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["第一条 设备点检每班一次。", "第二条 滤芯每500小时更换。"], result.Document!.Blocks.Select(b => b.Text));
    }
}
