using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>A one-page PDF (Helvetica 10 pt) with each text written at its own position, in the order given.</summary>
internal static class PositionedPdf
{
    public static byte[] Build(params (double X, double Y, string Text)[] texts)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        foreach (var (x, y, text) in texts)
        {
            page.AddText(text, 10, new UglyToad.PdfPig.Core.PdfPoint(x, y), font);
        }

        return builder.Build();
    }

    /// <summary>A table's rows, each row's cells at the given column positions, one line every 14 pt from <paramref name="top"/> down.</summary>
    public static IEnumerable<(double X, double Y, string Text)> Rows(double top, double[] columns, params string[][] rows) =>
        rows.SelectMany((row, r) => row.Select((cell, c) => (columns[c], top - (14.0 * r), cell)));
}
