using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// A ranking that runs beside the search index's lanes, over the catalog's chunks (e.g. Lucene's Chinese analysis,
/// <see cref="SearchLane.ChineseBm25"/>), and is fused like any lane. Called under the retriever's lock.
/// </summary>
public interface IRankingLane
{
    SearchLane Lane { get; }

    /// <summary>True when this lane ranks <paramref name="query"/> (a Chinese lane leaves English questions alone).</summary>
    bool Applies(AnalyzedQuery query);

    /// <summary>The best <paramref name="k"/> chunks of the <paramref name="allowedDocuments"/>, best first.</summary>
    IReadOnlyList<ChunkScore> Search(AnalyzedQuery query, IReadOnlySet<string> allowedDocuments, int k);
}
