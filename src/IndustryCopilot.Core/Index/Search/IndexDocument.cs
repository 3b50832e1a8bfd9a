using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// A document as a search index stores it: its metadata, its chunks in order, and the vectors of the chunks that
/// have one (by chunk id, all of <see cref="ISearchIndex.Model"/>; a chunk without a vector is found by the lexical
/// and identifier lanes only).
/// </summary>
public sealed record IndexDocument(DocumentInfo Document, IReadOnlyList<Chunk> Chunks, IReadOnlyDictionary<string, float[]> Vectors, int PipelineVersion)
{
    /// <summary>What <see cref="ISearchIndex.ListDocumentsAsync"/> reports for this document once stored.</summary>
    public string Fingerprint(VectorModel? model) =>
        DocumentFingerprint.Compute(Document, PipelineVersion, model, model is null ? 0 : Chunks.Count(c => Vectors.ContainsKey(c.Id)));
}
