using IndustryCopilot.Core.Ingestion.Ocr;

namespace IndustryCopilot.Core.Tests.Ingestion.Ocr;

public sealed class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static string Word(int block, int par, int line, string text, double conf) => $"5\t1\t{block}\t{par}\t{line}\t1\t0\t0\t1\t1\t{conf}\t{text}\n";

    [Fact]
    public void Parse_ChineseWords_JoinedWithoutSpacesEnglishWithSpaces()
    {
        var tsv = Header + Word(1, 1, 1, "滤", 90) + Word(1, 1, 1, "芯", 80) + Word(1, 1, 1, "，", 80) + Word(1, 1, 2, "每", 60) + Word(1, 1, 2, "500h", 60)
            + Word(2, 1, 1, "Replace", 96) + Word(2, 1, 1, "filter", 94);

        var page = TesseractTsv.Parse(3, tsv);

        Assert.Equal(["滤芯，每 500h", "Replace filter"], page.Paragraphs);
        Assert.Equal(3, page.Page);
        Assert.Equal(80.0, page.MeanConfidence, 2);
    }

    [Fact]
    public void Parse_NoWords_EmptyPageZeroConfidence()
    {
        var page = TesseractTsv.Parse(1, Header + "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n");

        Assert.Empty(page.Paragraphs);
        Assert.Equal(0, page.MeanConfidence);
    }
}
