using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Reranking;

/// <summary>Reorders fused candidates (e.g. with a cross-encoder). The default retriever runs none; see docs/development.md (Retrieval) for why.</summary>
public interface IReranker
{
    IReadOnlyList<RetrievedChunk> Rerank(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> candidates);
}
