using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace IndustryCopilot.Cli.Tests.Fixtures;

/// <summary>
/// Writes the binary sample documents of corpus/ (DOCX SOP, PDF manual, XLSX torque table) from
/// <see cref="CorpusTexts"/>. A test checks that the committed files read exactly like fresh output.
/// </summary>
internal static class CorpusGenerator
{
    public const string SopFile = "SOP-PR-017_CNC换刀作业指导书.docx";
    public const string ManualFile = "MM-AC-037_air-compressor-maintenance.pdf";
    public const string TorqueFile = "torque-table_拧紧力矩表.xlsx";

    public static void WriteAll(string directory)
    {
        Sop(Path.Combine(directory, SopFile));
        File.WriteAllBytes(Path.Combine(directory, ManualFile), Manual());
        Torque(Path.Combine(directory, TorqueFile));
    }

    private static void Sop(string path)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        doc.PackageProperties.Title = CorpusTexts.SopTitle;

        var body = new Body(Styled("Title", CorpusTexts.SopTitle), Plain("版本: C　2025-06-01　编制：工艺部　批准：生产部"));
        foreach (var (heading, paragraphs, steps) in CorpusTexts.SopSections)
        {
            if (heading.StartsWith('6'))
            {
                body.Append(Styled("Heading1", "5 常见故障代码"), Plain("表2 换刀相关故障代码"), FaultTable());
            }

            body.Append(Styled("Heading1", heading));
            body.Append(paragraphs.Select(Plain));
            body.Append(steps.Select(s => new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(s)))));
        }

        main.Document = new Document(body);
    }

    private static Table FaultTable()
    {
        var table = new Table();
        for (var i = 0; i < CorpusTexts.FaultCodes.Length; i++)
        {
            var row = new TableRow(CorpusTexts.FaultCodes[i].Select(c => new TableCell(new Paragraph(new Run(new Text(c))))));
            if (i == 0)
            {
                row.PrependChild(new TableRowProperties(new TableHeader()));
            }

            table.Append(row);
        }

        return table;
    }

    private static Paragraph Styled(string style, string text) => new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Plain(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static byte[] Manual()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "AC-37 Screw Air Compressor Maintenance Manual";
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var pageLines in new[] { CorpusTexts.ManualPage1, CorpusTexts.ManualPage2 })
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 790.0;
            foreach (var line in pageLines)
            {
                var (font, size, text) = line.StartsWith("##", StringComparison.Ordinal) ? (bold, 13.0, line[2..])
                    : line.StartsWith('#') ? (bold, 17.0, line[1..]) : (regular, 10.0, line);
                y -= size * 0.8;
                foreach (var wrapped in Wrap(text, size >= 13 ? 60 : 95))
                {
                    page.AddText(wrapped, size, new PdfPoint(56, y), font);
                    y -= size * 1.35;
                }

                y -= size * 0.5;
            }
        }

        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line;
                line = "";
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static void Torque(string path) =>
        MiniExcel.SaveAs(path, CorpusTexts.Torques.Select(t => new Dictionary<string, object>
        {
            ["规格 Size"] = t.Size,
            ["性能等级 Grade"] = t.Grade,
            ["拧紧力矩 Torque (N·m)"] = t.Torque,
            ["允差 Tolerance"] = t.Tolerance,
        }), sheetName: "拧紧力矩 Tightening torque", overwriteFile: true);
}
