using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Server.Search;

/// <summary>A search hit: the passage, where it stands, its fused score and each lane's rank.</summary>
internal sealed record SearchHit(int Rank, string ChunkId, string DocumentId, string Title, string? DocumentNumber, string? Revision, string SectionPath, string? Clause, int? PageStart, int? PageEnd, double Score, IReadOnlyDictionary<string, int> LaneRanks, string Text)
{
    public static SearchHit From(int rank, RetrievedChunk hit) => new(
        rank, hit.Chunk.Id, hit.Document.Id, hit.Document.Title, hit.Document.DocumentNumber, hit.Document.Revision, hit.Chunk.SectionPath,
        hit.Chunk.ClauseLabel, hit.Chunk.PageStart, hit.Chunk.PageEnd, hit.Score,
        hit.Lanes.ToDictionary(l => l.Key.ToString().ToLowerInvariant(), l => l.Value.Rank), hit.Chunk.Text);
}
