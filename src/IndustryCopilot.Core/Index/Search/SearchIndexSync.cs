namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// Brings a search index in line with the SQLite catalog, document by document: pushes each document whose
/// fingerprint differs (new, changed, re-embedded, status or access groups changed), removes documents the catalog
/// no longer has, then publishes once every document is there with all its vectors. Idempotent and resumable — a run interrupted anywhere is finished by the next —
/// and nothing is re-embedded: vectors are read from the catalog. A document that fails to push fails alone. After a
/// model change the catalog re-embeds document by document; the alias is moved to the new model's collection only by
/// a run that finds every document pushed and fully embedded, so searches never read a half-built collection.
/// </summary>
public static class SearchIndexSync
{
    public static async Task<SearchIndexSyncReport> SyncAsync(SqliteIndex catalog, ISearchIndex target, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var held = (await target.ListDocumentsAsync(cancellationToken)).ToDictionary(s => s.DocumentId, s => s.Fingerprint, StringComparer.Ordinal);
        var documents = catalog.ListDocuments();
        int pushed = 0, unchanged = 0, removed = 0, points = 0, awaitingVectors = 0;
        var failed = new List<(string DocumentId, string Error)>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (expected, fullyEmbedded, pipeline) = IndexDocuments.Describe(catalog, document, target.Model);
            awaitingVectors += document.ChunkCount > 0 && !fullyEmbedded ? 1 : 0;
            if (held.TryGetValue(document.Id, out var fingerprint) && fingerprint == expected)
            {
                unchanged++;
                continue;
            }

            var stored = IndexDocuments.FromCatalog(catalog, document, target.Model, pipeline);

            if (stored.Chunks.Count == 0)
            {
                // Nothing searchable any more (e.g. a scan whose OCR found no text): the old points must not linger.
                removed += held.ContainsKey(document.Id) && await target.RemoveDocumentAsync(document.Id, cancellationToken) ? 1 : 0;
                continue;
            }

            try
            {
                await target.ReplaceDocumentAsync(stored, cancellationToken);
                pushed++;
                points += stored.Chunks.Count;
                progress?.Report($"pushed {document.Title} ({stored.Chunks.Count} chunks, {stored.Vectors.Count} vectors)");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add((document.Id, e.Message));
                progress?.Report($"failed {document.Title}: {e.Message}");
            }
        }

        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in held.Keys.Where(id => !ids.Contains(id)))
        {
            if (await target.RemoveDocumentAsync(gone, cancellationToken))
            {
                removed++;
                progress?.Report($"removed {gone}");
            }
        }

        var published = failed.Count == 0 && awaitingVectors == 0;
        if (published)
        {
            await target.PublishAsync(cancellationToken);
        }

        return new SearchIndexSyncReport(pushed, unchanged, removed, points, failed, published) { AwaitingVectors = awaitingVectors };
    }
}
