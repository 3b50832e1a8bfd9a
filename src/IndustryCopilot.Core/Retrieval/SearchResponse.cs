using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>Hits best first, how the query was understood, which lanes ran, and time per stage in milliseconds.</summary>
public sealed record SearchResponse(AnalyzedQuery Query, IReadOnlyList<RetrievedChunk> Hits, IReadOnlyList<SearchLane> LanesRun, IReadOnlyDictionary<string, double> TimingsMs);
