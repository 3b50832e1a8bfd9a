using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Server.Documents;

/// <summary>One chunk in a document's outline: where it stands and what kind it is, without its text.</summary>
internal sealed record ChunkOutline(string Id, int Ordinal, string SectionPath, string? Clause, int? PageStart, int? PageEnd, string Kind, string? TableLabel, int Tokens)
{
    public static ChunkOutline From(Chunk c) => new(c.Id, c.Ordinal, c.SectionPath, c.ClauseLabel, c.PageStart, c.PageEnd, c.Kind.ToString().ToLowerInvariant(), c.TableLabel, c.TokenCount);
}
