using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// A document's metadata as the API shows it; <see cref="Origin"/> is <c>upload</c> or <c>folder</c> (a watched folder).
/// <see cref="HeldPassages"/> counts passages held out of answers because they address an assistant (with the first
/// <see cref="HeldReason"/>); <see cref="HeldReleased"/> says an admin reviewed and released this version.
/// <see cref="Revision"/> is bare (<c>C</c> for a document's <c>版本: C</c>), so every page writes revisions one way.
/// </summary>
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
    string Origin,
    int HeldPassages = 0,
    string? HeldReason = null,
    bool HeldReleased = false)
{
    /// <param name="d">The document.</param>
    /// <param name="uploads">The upload folder, to tell uploads from watched-folder files.</param>
    /// <param name="mayName">Whether the caller may see a document id: <see cref="SupersededBy"/> is shown only when the newer revision is visible too.</param>
    /// <param name="held">Its passages held because they address an assistant, if any.</param>
    public static DocumentView From(DocumentInfo d, string uploads, Func<string, bool> mayName, HeldPassages? held) => new(
        d.Id, d.Title, d.DocumentNumber, Core.Answering.CitationFormat.Bare(d.Revision), d.EffectiveDate, d.Format, d.DocType, d.Language.ToString().ToLowerInvariant(), d.Equipment, d.Line,
        d.AccessGroups, d.PageCount, d.ChunkCount, d.PagesNeedingOcr, d.Status.ToString().ToLowerInvariant(), d.SupersededBy is { } newer && mayName(newer) ? newer : null, d.IndexedAt,
        Path.GetFileName(d.SourcePath), IsUpload(d, uploads) ? "upload" : "folder", held?.Count ?? 0, held?.Reason, held?.Released ?? false);

    public static bool IsUpload(DocumentInfo d, string uploads) =>
        Path.GetDirectoryName(Path.GetFullPath(d.SourcePath)) is { } folder && string.Equals(folder, uploads.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
