using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Core.Tests.Answering;

public sealed class CitationFormatTests
{
    [Theory]
    [InlineData("C", "Rev. C")]
    [InlineData("Rev. D", "Rev. D")]
    [InlineData("rev D", "Rev. D")]
    [InlineData("Revision 2", "Rev. 2")]
    [InlineData("版本: C", "Rev. C")]
    [InlineData("版本：C", "Rev. C")]
    [InlineData("第C版", "Rev. C")]
    [InlineData("第三次修正", "第三次修正")]
    public void Revision_AnyLabel_OneFormat(string stored, string shown) => Assert.Equal(shown, CitationFormat.Revision(stored));

    [Fact]
    public void Line_FullCitation_DocumentNumberRevisionSectionPages()
    {
        var line = CitationFormat.Line(new Citation
        {
            Number = 2, ChunkId = "d#1", DocumentId = "d", DocumentTitle = "Air compressor maintenance", DocumentNumber = "MM-AC-037", Revision = "D",
            SectionPath = "4 Maintenance > 4.2", PageStart = 1, PageEnd = 2, Quote = "q", SourcePath = "/d.pdf",
        });

        Assert.Equal("[2] Air compressor maintenance (MM-AC-037, Rev. D) — 4 Maintenance > 4.2, pp. 1–2", line);
    }

    [Fact]
    public void Line_TableRowFromScan_LabelRowAndOcrConfidence()
    {
        var line = CitationFormat.Line(new Citation
        {
            Number = 1, ChunkId = "d#0", DocumentId = "d", DocumentTitle = "SOP-PR-017", SectionPath = "5 常见故障代码",
            TableLabel = "表2", TableRows = (2, 3), PageStart = 4, PageEnd = 4, OcrConfidence = 87.4, Quote = "q", SourcePath = "/d.pdf",
        });

        Assert.Equal("[1] SOP-PR-017 (d.pdf) — 5 常见故障代码, 表2 rows 2–3, p. 4, OCR 87%", line);
    }

    [Fact]
    public void Line_DocumentWithoutNumber_NamedByItsFile()
    {
        var line = CitationFormat.Line(new Citation
        {
            Number = 1, ChunkId = "t#0", DocumentId = "t", DocumentTitle = "拧紧力矩 Tightening torque", SectionPath = "",
            TableRows = (4, 5), Quote = "q", SourcePath = "/plant/corpus/torque-table_拧紧力矩表.xlsx",
        });

        Assert.Equal("[1] 拧紧力矩 Tightening torque (torque-table_拧紧力矩表.xlsx) — rows 4–5", line);
    }
}
