using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Server.Documents;

/// <summary>A document's metadata as the API shows it; <see cref="Origin"/> is <c>upload</c> or <c>folder</c> (a watched folder).</summary>
internal sealed record DocumentView(
    string Id,
    string Title,
    string? DocumentNumber,
    string? Revision,
    DateOnly? EffectiveDate,
    string Format,
    string? DocType,
    string Language,
    string? Equipment,
    string? Line,
    IReadOnlyList<string> AccessGroups,
    int PageCount,
    int ChunkCount,
    IReadOnlyList<int> PagesNeedingOcr,
    string Status,
    string? SupersededBy,
    DateTimeOffset IndexedAt,
    string FileName,
    string Origin)
{
    public static DocumentView From(DocumentInfo d, string uploads) => new(
        d.Id, d.Title, d.DocumentNumber, d.Revision, d.EffectiveDate, d.Format, d.DocType, d.Language.ToString().ToLowerInvariant(), d.Equipment, d.Line,
        d.AccessGroups, d.PageCount, d.ChunkCount, d.PagesNeedingOcr, d.Status.ToString().ToLowerInvariant(), d.SupersededBy, d.IndexedAt,
        Path.GetFileName(d.SourcePath), IsUpload(d, uploads) ? "upload" : "folder");

    public static bool IsUpload(DocumentInfo d, string uploads) =>
        Path.GetDirectoryName(Path.GetFullPath(d.SourcePath)) is { } folder && string.Equals(folder, uploads.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
