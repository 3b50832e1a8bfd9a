namespace IndustryCopilot.Core.Index.Search;

/// <summary>A chunk found by a lane, by chunk id (<c>{documentId}#{ordinal}</c>); higher scores are better.</summary>
public readonly record struct IndexHit(string ChunkId, double Score);
