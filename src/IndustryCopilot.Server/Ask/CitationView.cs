using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Server.Ask;

/// <summary>
/// A citation in API form: where the quote stands, the quote, a ready-made line ("Q/HD 006 Rev C — 5.3.2, p. 4"), and
/// the cited document's language (<c>zh</c>, <c>en</c>, <c>mixed</c>, <c>unknown</c>), to label quotes in the other language.
/// <c>revision</c> is bare (<c>C</c>, whatever label the document used), so every client writes it in one format;
/// <c>highlights</c> are verbatim pieces of the quote holding what was asked; <c>fileName</c> names the original file.
/// </summary>
internal sealed record CitationView(
    int Number,
    string ChunkId,
    string DocumentId,
    string DocumentTitle,
    string? DocumentNumber,
    string? Revision,
    string SectionPath,
    string? Clause,
    int? PageStart,
    int? PageEnd,
    string? TableLabel,
    int? TableRowFirst,
    int? TableRowLast,
    double? OcrConfidence,
    string Quote,
    string Line,
    string Language,
    IReadOnlyList<string> Highlights,
    string? FileName)
{
    public static CitationView From(Citation c) => new(
        c.Number, c.ChunkId, c.DocumentId, c.DocumentTitle, c.DocumentNumber, CitationFormat.Bare(c.Revision), c.SectionPath, c.ClauseLabel,
        c.PageStart, c.PageEnd, c.TableLabel, c.TableRows?.First, c.TableRows?.Last, c.OcrConfidence, c.Quote, CitationFormat.Line(c), c.Language.ToString().ToLowerInvariant(),
        c.Highlights, string.IsNullOrEmpty(c.SourcePath) ? null : Path.GetFileName(c.SourcePath));
}
