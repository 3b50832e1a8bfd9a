namespace IndustryCopilot.Core.Index;

/// <summary>A chunk found by the lexical lane, with its BM25 score (higher is better).</summary>
public sealed record LexicalHit(string ChunkId, string DocumentId, string DocumentTitle, string SectionPath, int? PageStart, int? PageEnd, string Text, double Score);
