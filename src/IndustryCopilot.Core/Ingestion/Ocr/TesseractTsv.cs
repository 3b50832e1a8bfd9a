using System.Globalization;
using System.Text;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>
/// Reads Tesseract's TSV output (level, page, block, paragraph, line, word, box, conf, text) into paragraphs. Words
/// are joined with spaces except between two Chinese characters or punctuation marks, where Tesseract's spaces are
/// artefacts ("滤 芯", "一次 ，").
/// </summary>
internal static class TesseractTsv
{
    public static OcrPage Parse(int page, string tsv)
    {
        var paragraphs = new List<string>();
        var confidences = new List<double>();
        var current = new StringBuilder();
        (string Block, string Paragraph)? key = null;
        foreach (var line in tsv.Split('\n').Skip(1))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5")
            {
                continue;
            }

            var word = f[11].Trim();
            if (word.Length == 0)
            {
                continue;
            }

            var paragraphKey = (f[2], f[3]);
            if (key != paragraphKey)
            {
                Flush(current, paragraphs);
                key = paragraphKey;
            }
            else if (current.Length > 0 && !(IsCjk(current[^1]) && IsCjk(word[0])))
            {
                current.Append(' ');
            }

            current.Append(word);
            if (double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) && conf >= 0)
            {
                confidences.Add(conf);
            }
        }

        Flush(current, paragraphs);
        return new OcrPage(page, paragraphs, confidences.Count == 0 ? 0 : confidences.Average());
    }

    // Ideographs and CJK punctuation (、。，：) are written without spaces between them.
    private static bool IsCjk(char c) => CjkText.IsIdeograph(c) || c is >= '\u3000' and <= '\u303F' || c is >= '\uFF00' and <= '\uFFEF';

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
            current.Clear();
        }
    }
}
