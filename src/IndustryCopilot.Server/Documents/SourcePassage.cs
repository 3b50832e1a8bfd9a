using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Server.Documents;

/// <summary>A passage with where it stands: section path, clause, pages, table label and rows, and its text verbatim.</summary>
internal sealed record SourcePassage(string ChunkId, string SectionPath, string? Clause, int? PageStart, int? PageEnd, string Kind, string? TableLabel, int? TableRowFirst, int? TableRowLast, double? OcrConfidence, string Text)
{
    public static SourcePassage From(Chunk c) => new(
        c.Id, c.SectionPath, c.ClauseLabel, c.PageStart, c.PageEnd, c.Kind.ToString().ToLowerInvariant(), c.TableLabel, c.TableRows?.First, c.TableRows?.Last, c.OcrConfidence, c.Text);
}
