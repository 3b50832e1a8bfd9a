using System.Text;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>Writes a PDF from numbered object bodies (object i+1 = bodies[i]) with a correct cross-reference table.</summary>
internal static class RawPdf
{
    public static byte[] Build(IReadOnlyList<string> bodies, string trailerExtra = "")
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < bodies.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{bodies[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {bodies.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A stream object body.</summary>
    public static string Stream(string content, string dictionary = "") =>
        $"<< /Length {Encoding.ASCII.GetByteCount(content)} {dictionary}>>\nstream\n{content}\nendstream";

    /// <summary>
    /// One page of Chinese set the way many Chinese PDFs are: the non-embedded CID font STSong-Light with the
    /// UniGB-UCS2-H CMap (two-byte UCS-2 codes). Each line is (x, y, text, extra gap between glyphs in 1/1000 em).
    /// </summary>
    public static byte[] ChinesePage(params (double X, double Y, string Text, int GlyphGap)[] lines)
    {
        var content = new StringBuilder();
        foreach (var (x, y, text, gap) in lines)
        {
            var glyphs = text.Select(c => "<" + ((int)c).ToString("X4") + ">");
            content.Append($"BT /F1 11 Tf {x} {y} Td [{string.Join($" {-gap} ", glyphs)}] TJ ET\n");
        }

        const string toUnicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /UCS2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
        return Build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /FontDescriptor 8 0 R >>",
            Stream(toUnicode),
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        ]);
    }
}
