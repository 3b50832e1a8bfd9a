using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>Reads a document back out of the SQLite catalog in the form search indexes store.</summary>
public static class IndexDocuments
{
    /// <summary>
    /// The document, its chunks and, when <paramref name="model"/> is the catalog's, their stored vectors.
    /// <paramref name="pipelineVersion"/>: when the caller has it from <see cref="Describe"/>; null looks it up.
    /// </summary>
    public static IndexDocument FromCatalog(SqliteIndex catalog, DocumentInfo document, VectorModel? model, int? pipelineVersion = null)
    {
        var chunks = catalog.GetChunks(document.Id);
        var vectors = model is null ? new Dictionary<string, float[]>() : catalog.VectorsOf(document.Id, model);
        var pipeline = pipelineVersion ?? catalog.FindBySource(document.SourcePath)?.PipelineVersion ?? 0;
        return new IndexDocument(document, chunks, vectors, pipeline);
    }

    /// <summary>
    /// From one catalog lookup, without reading chunks or vectors: the fingerprint the document has, whether the
    /// catalog marked it done for <paramref name="model"/> (every chunk that gets a vector has it; chunks in languages
    /// the model does not know never get one; true without a model), and its pipeline version.
    /// </summary>
    public static (string Fingerprint, bool FullyEmbedded, int PipelineVersion) Describe(SqliteIndex catalog, DocumentInfo document, VectorModel? model)
    {
        var file = catalog.FindBySource(document.SourcePath);
        var pipeline = file?.PipelineVersion ?? 0;
        var fingerprint = DocumentFingerprint.Compute(document, pipeline, model, model is null ? 0 : catalog.VectorCount(document.Id, model));
        return (fingerprint, model is null || file?.EmbeddingModel == model.Key, pipeline);
    }
}
