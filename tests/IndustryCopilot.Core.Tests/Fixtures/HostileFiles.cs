using System.IO.Compression;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>Builds damaged and hostile files in code.</summary>
internal static class HostileFiles
{
    /// <summary>A small valid PDF with the given lines on one page (Helvetica, so ASCII only).</summary>
    public static byte[] Pdf(params string[] lines) => PdfPages(lines);

    /// <summary>A valid PDF with one page per array of lines.</summary>
    public static byte[] PdfPages(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new UglyToad.PdfPig.Core.PdfPoint(60, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>Two columns of prose written row by row (left line, right line, …): stream order interleaves them.</summary>
    public static byte[] InterleavedTwoColumnPdf(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            if (i < left.Count)
            {
                page.AddText(left[i], 10, new UglyToad.PdfPig.Core.PdfPoint(40, y), font);
            }

            if (i < right.Count)
            {
                page.AddText(right[i], 10, new UglyToad.PdfPig.Core.PdfPoint(310, y), font);
            }

            y -= 13;
        }

        return builder.Build();
    }

    /// <summary>A PDF whose trailer declares Standard security with a user password: cannot be opened without it.</summary>
    public static byte[] EncryptedPdf() => RawPdf.Build(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -44 >>",
        ],
        "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ");

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A .docx-named zip whose one entry inflates to <paramref name="inflatedBytes"/> of zeros.</summary>
    public static byte[] ZipBomb(long inflatedBytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                stream.Write(zeros, 0, zeros.Length);
            }
        }

        return output.ToArray();
    }
}
