using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion.Metadata;

/// <summary>Detects title, document number, revision, date and language from a parsed document.</summary>
public static class MetadataExtractor
{
    /// <summary>Returns what the document itself says; supplied metadata is layered over it by the caller.</summary>
    public static (DocumentMetadata Detected, DocumentLanguage Language) Detect(string path, ParsedDocument document)
    {
        var text = document.PlainText;
        var title = document.EmbeddedTitle
            ?? document.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text
            ?? FirstLine(document)
            ?? Path.GetFileNameWithoutExtension(path);
        title = title.Length > 200 ? title[..200] : title;

        var detected = new DocumentMetadata
        {
            Title = title,
            DocumentNumber = DocumentNumberParser.Find(title, text),
            Revision = RevisionParser.FindRevision(text),
            EffectiveDate = RevisionParser.FindDate(Path.GetFileName(path), text),
        };
        return (detected, LanguageDetector.Detect(text));
    }

    private static string? FirstLine(ParsedDocument document)
    {
        var first = document.Blocks.FirstOrDefault(b => b.Kind != BlockKind.Table)?.Text;
        if (first is null)
        {
            return null;
        }

        var end = first.IndexOfAny(['\n', '。', '.']);
        var line = (end > 0 ? first[..end] : first).Trim();
        return line.Length is > 0 and <= 120 ? line : null;
    }
}
