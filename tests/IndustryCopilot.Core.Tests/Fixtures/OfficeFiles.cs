using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>Builds small Word files in code: headings by style, an automatically numbered list, a table.</summary>
internal static class OfficeFiles
{
    public static void Docx(string path)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });

        var body = new Body(
            Heading("Heading1", "CNC 换刀作业指导书"),
            Heading("Heading2", "5 换刀步骤"),
            Numbered("按下急停按钮并挂牌。"),
            Numbered("松开刀柄拉钉，取下旧刀。"),
            Numbered("装入新刀并确认刀号T05。"),
            new Paragraph(new Run(new Text("表1 故障代码"))),
            new Table(
                Row(true, "代码", "含义", "处理"),
                Row(false, "E-203", "主轴过热", "停机冷却30 min"),
                Row(false, "E-317", "换刀超时", "检查气压≥0.6 MPa")),
            new Paragraph(new Run(new LastRenderedPageBreak(), new Text("附录 第二页内容。"))));
        main.Document = new Document(body);
    }

    private static Paragraph Heading(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Numbered(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 7 })), new Run(new Text(text)));

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))));
        if (header)
        {
            row.PrependChild(new TableRowProperties(new TableHeader()));
        }

        return row;
    }
}
