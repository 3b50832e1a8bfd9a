namespace IndustryCopilot.Core.Index;

/// <summary>Whether the index's vectors were made by the configured embedding model.</summary>
public enum EmbeddingStatus
{
    /// <summary>No vectors stored yet; the first model to store vectors claims the index.</summary>
    Empty,

    /// <summary>Stored vectors come from the same model and dimension.</summary>
    Matches,

    /// <summary>Stored vectors come from another model or dimension: re-embed before the dense lane is used.</summary>
    NeedsReembedding,
}
