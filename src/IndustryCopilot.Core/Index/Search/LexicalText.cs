using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// The text a chunk is found by in the lexical and identifier lanes, the same for every search index: the document's
/// title (questions name the law or manual), the section path and the chunk's text.
/// </summary>
public static class LexicalText
{
    public static string Of(DocumentInfo document, Chunk chunk) => document.Title + "\n" + chunk.SearchText;

    /// <summary>Identifier terms of the chunk (codes, document numbers, values, clause numbers) — what the identifier lane requires.</summary>
    public static IReadOnlyList<string> Identifiers(DocumentInfo document, Chunk chunk) =>
        LexicalAnalyzer.Identifiers(Of(document, chunk)).Select(i => i.Term).Distinct(StringComparer.Ordinal).ToList();
}
