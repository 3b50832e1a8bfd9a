using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Hosting.Store;

/// <summary>
/// Keeps a replica's embedded index and the shared catalog alike, document by document, by fingerprint: followers
/// take every change from the catalog; the replica holding the indexer lease writes its own changes to it. Both
/// directions are idempotent and resumable — a pass cut short is finished by the next — and read only the documents
/// whose fingerprint differs.
/// </summary>
public static class CatalogReplication
{
    /// <summary>
    /// Makes <paramref name="local"/> hold exactly the shared catalog's documents: writes those it lacks or holds in
    /// another version (with their vectors, nothing re-embedded), removes those the catalog no longer has.
    /// </summary>
    public static async Task<CatalogSyncReport> FollowAsync(PostgresCatalog shared, SqliteIndex local, CancellationToken cancellationToken = default)
    {
        var wanted = await shared.FingerprintsAsync(cancellationToken).ConfigureAwait(false);
        var held = local.ListDocuments().ToDictionary(d => d.Id, StringComparer.Ordinal);
        int written = 0, removed = 0, unchanged = 0;
        foreach (var (id, fingerprint) in wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (held.TryGetValue(id, out var document) && IndexDocuments.Describe(local, document, local.StoredEmbeddingModel()).Fingerprint == fingerprint)
            {
                unchanged++;
                continue;
            }

            if (await shared.ReadAsync(id, cancellationToken).ConfigureAwait(false) is not { } entry)
            {
                continue; // removed since the list was read: the next pass removes it here too
            }

            var stored = entry.Document;
            local.ReplaceDocument(stored.Document, stored.Chunks, stored.PipelineVersion);
            if (entry.Model is { } model && stored.Vectors.Count > 0)
            {
                local.StoreVectors(model.Id, model.Dimension, [.. stored.Vectors.Select(v => (v.Key, v.Value))], id);
            }

            written++;
        }

        foreach (var id in held.Keys.Where(id => !wanted.ContainsKey(id)))
        {
            removed += local.RemoveDocument(id) ? 1 : 0;
        }

        var released = TakeReleases(await shared.ReleasesAsync(cancellationToken).ConfigureAwait(false), local);
        return new CatalogSyncReport(written, removed, unchanged) { Released = released };
    }

    // A release counts for the version reviewed: applied where this replica holds that version and it is still held.
    private static int TakeReleases(IReadOnlyList<CatalogRelease> releases, SqliteIndex local)
    {
        var heldHere = local.HeldDocuments();
        var taken = 0;
        foreach (var release in releases)
        {
            if (heldHere.TryGetValue(release.DocumentId, out var held) && !held.Released
                && local.GetDocument(release.DocumentId)?.ContentHash == release.ContentHash)
            {
                taken += local.ReleaseHeld(release.DocumentId, release.ReleasedBy, release.ReleasedAt) ? 1 : 0;
            }
        }

        return taken;
    }

    /// <summary>
    /// Writes to the shared catalog every document of <paramref name="local"/> it holds in another version, and
    /// removes those <paramref name="local"/> no longer has. Only the replica holding the indexer lease publishes. A
    /// document whose file is gone (<paramref name="fileExists"/>; deleted through another replica while this one
    /// indexed) is not written back: the next run prunes it here as well.
    /// </summary>
    public static async Task<CatalogSyncReport> PublishAsync(SqliteIndex local, PostgresCatalog shared, Func<DocumentInfo, bool>? fileExists = null, CancellationToken cancellationToken = default)
    {
        fileExists ??= d => File.Exists(d.SourcePath);
        var held = await shared.FingerprintsAsync(cancellationToken).ConfigureAwait(false);
        var model = local.StoredEmbeddingModel();
        var documents = local.ListDocuments();
        int written = 0, removed = 0, unchanged = 0;
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (fingerprint, _, pipeline) = IndexDocuments.Describe(local, document, model);
            if (held.TryGetValue(document.Id, out var current) && current == fingerprint)
            {
                unchanged++;
                continue;
            }

            if (!fileExists(document))
            {
                continue;
            }

            await shared.WriteAsync(IndexDocuments.FromCatalog(local, document, model, pipeline), fingerprint, model, cancellationToken).ConfigureAwait(false);
            written++;
        }

        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in held.Keys.Where(id => !ids.Contains(id)))
        {
            removed += await shared.RemoveAsync(gone, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return new CatalogSyncReport(written, removed, unchanged);
    }
}
