using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>Reads a document back out of the SQLite catalog in the form search indexes store.</summary>
public static class IndexDocuments
{
    /// <summary>The document, its chunks and, when <paramref name="model"/> is the catalog's, their stored vectors.</summary>
    public static IndexDocument FromCatalog(SqliteIndex catalog, DocumentInfo document, VectorModel? model)
    {
        var chunks = catalog.GetChunks(document.Id);
        var vectors = model is null ? new Dictionary<string, float[]>() : catalog.VectorsOf(document.Id, model);
        var pipeline = catalog.FindBySource(document.SourcePath)?.PipelineVersion ?? 0;
        return new IndexDocument(document, chunks, vectors, pipeline);
    }

    /// <summary>The fingerprint the document has in the catalog, without reading its chunks or vectors.</summary>
    public static string Fingerprint(SqliteIndex catalog, DocumentInfo document, VectorModel? model) =>
        DocumentFingerprint.Compute(document, catalog.FindBySource(document.SourcePath)?.PipelineVersion ?? 0, model, model is null ? 0 : catalog.VectorCount(document.Id, model));

    /// <summary>
    /// True when the catalog marked the document done for <paramref name="model"/> (every chunk that gets a vector has
    /// it; chunks in languages the model does not know never get one), or when there is no model.
    /// </summary>
    public static bool FullyEmbedded(SqliteIndex catalog, DocumentInfo document, VectorModel? model) =>
        model is null || catalog.FindBySource(document.SourcePath)?.EmbeddingModel == model.Key;
}
