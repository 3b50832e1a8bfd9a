using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Dense;

/// <summary>
/// The dense lane: embeds the query and searches the index's vectors, reloaded whenever the index changed. It sits
/// out queries in a language its model does not know rather than add noise to the fusion.
/// </summary>
public sealed class DenseLane(SqliteIndex index, TextEmbedder embedder)
{
    private readonly GenerationCache<VectorIndex> _vectors = new(index, () => new VectorIndex(index.LoadVectors(embedder.ModelKey, embedder.Dimension)));

    public TextEmbedder Embedder => embedder;

    public bool Applies(AnalyzedQuery query) => embedder.Supports(query.Language);

    /// <summary>The query's vector, or null when the lane does not apply to it.</summary>
    public float[]? EmbedQuery(AnalyzedQuery query) => Applies(query) ? embedder.Embed([query.Text])[0] : null;

    public IReadOnlyList<ChunkScore> Search(float[] queryVector, IReadOnlySet<string> allowedDocuments, int k) =>
        _vectors.Value.Search(queryVector, allowedDocuments, k);

}
