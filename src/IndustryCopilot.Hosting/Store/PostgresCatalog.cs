using System.Text.Json;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using Npgsql;
using NpgsqlTypes;

namespace IndustryCopilot.Hosting.Store;

/// <summary>
/// The group's catalog in the shared PostgreSQL database: each document as the indexing replica stored it — fields,
/// chunks in order and vectors — with the fingerprint it had there. Replicas rebuild their embedded index from it
/// (<see cref="CatalogReplication"/>), so term statistics, postings and vectors are computed from the same rows
/// everywhere and a search ranks alike on every replica. A document is written or removed in one transaction, so a
/// replica dying mid-write leaves the previous version whole.
/// </summary>
public sealed class PostgresCatalog(PostgresStore store)
{
    // Chunk.TableRows is a value tuple, whose parts are fields.
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <summary>Moves with every write; equal generations mean nothing changed in between.</summary>
    public async Task<long> GenerationAsync(CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT value FROM catalog_generation");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Records that the indexer finished its start-up run (the catalog now holds the watched folders).</summary>
    public async Task MarkIndexedAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("UPDATE catalog_state SET indexed_at = @at");
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When an indexer last finished its start-up run; null while none ever has.</summary>
    public async Task<DateTimeOffset?> IndexedAtAsync(CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT indexed_at FROM catalog_state");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>Every document's id with the fingerprint it was written with.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FingerprintsAsync(CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT id, fingerprint FROM catalog_documents");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fingerprints[reader.GetString(0)] = reader.GetString(1);
        }

        return fingerprints;
    }

    /// <summary>A document with its chunks and vectors, the fingerprint it was written with and its model; null when absent.</summary>
    public async Task<CatalogEntry?> ReadAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        CatalogEntry entry;
        await using (var command = new NpgsqlCommand("SELECT fingerprint, pipeline_version, vector_model, document, chunks FROM catalog_documents WHERE id = @id", connection, tx))
        {
            command.Parameters.AddWithValue("id", documentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var document = JsonSerializer.Deserialize<DocumentInfo>(reader.GetString(3), Json)!;
            var chunks = JsonSerializer.Deserialize<List<Chunk>>(reader.GetString(4), Json)!;
            var model = reader.IsDBNull(2) ? null : VectorModel.FromKey(reader.GetString(2));
            entry = new CatalogEntry(new IndexDocument(document, chunks, new Dictionary<string, float[]>(), reader.GetInt32(1)), reader.GetString(0), model);
        }

        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT chunk_id, vector FROM catalog_vectors WHERE document_id = @id", connection, tx))
        {
            command.Parameters.AddWithValue("id", documentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                vectors[reader.GetString(0)] = VectorBlob.Decode(reader.GetFieldValue<byte[]>(1));
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry with { Document = entry.Document with { Vectors = vectors } };
    }

    /// <summary>Writes a document (fields, chunks, vectors of <paramref name="model"/>) in place of any earlier version.</summary>
    public async Task WriteAsync(IndexDocument document, string fingerprint, VectorModel? model, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = document.Document.Id;
        await using (var delete = new NpgsqlCommand("DELETE FROM catalog_documents WHERE id = @id", connection, tx))
        {
            delete.Parameters.AddWithValue("id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO catalog_documents (id, source_path, fingerprint, pipeline_version, vector_model, document, chunks)
            VALUES (@id, @path, @fingerprint, @pipeline, @model, @document, @chunks)
            """, connection, tx))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("path", document.Document.SourcePath);
            insert.Parameters.AddWithValue("fingerprint", fingerprint);
            insert.Parameters.AddWithValue("pipeline", document.PipelineVersion);
            insert.Parameters.AddWithValue("model", (object?)model?.Key ?? DBNull.Value);
            insert.Parameters.AddWithValue("document", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document.Document, Json));
            insert.Parameters.AddWithValue("chunks", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document.Chunks, Json));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (document.Vectors.Count > 0)
        {
            await using var vectors = new NpgsqlCommand("INSERT INTO catalog_vectors (document_id, chunk_id, vector) SELECT @id, unnest(@chunks), unnest(@vectors)", connection, tx);
            vectors.Parameters.AddWithValue("id", id);
            vectors.Parameters.AddWithValue("chunks", document.Vectors.Keys.ToArray());
            vectors.Parameters.AddWithValue("vectors", document.Vectors.Values.Select(v => VectorBlob.Encode(v)).ToArray());
            await vectors.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a release for the group (in place of an earlier one of the document); every replica takes it when it follows.</summary>
    public async Task ReleaseAsync(CatalogRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO catalog_releases (doc_id, content_hash, released_by, released_at) VALUES (@id, @hash, @by, @at)
            ON CONFLICT (doc_id) DO UPDATE SET content_hash = excluded.content_hash, released_by = excluded.released_by, released_at = excluded.released_at
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue("id", release.DocumentId);
            upsert.Parameters.AddWithValue("hash", release.ContentHash);
            upsert.Parameters.AddWithValue("by", release.ReleasedBy);
            upsert.Parameters.AddWithValue("at", release.ReleasedAt.ToUniversalTime());
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every release recorded for the group.</summary>
    public async Task<IReadOnlyList<CatalogRelease>> ReleasesAsync(CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT doc_id, content_hash, released_by, released_at FROM catalog_releases");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var releases = new List<CatalogRelease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            releases.Add(new CatalogRelease(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return releases;
    }

    /// <summary>Removes a document with its vectors; false when the catalog did not hold it.</summary>
    public async Task<bool> RemoveAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = new NpgsqlCommand("DELETE FROM catalog_documents WHERE id = @id", connection, tx);
        delete.Parameters.AddWithValue("id", documentId);
        if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task BumpAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        await using var bump = new NpgsqlCommand("UPDATE catalog_generation SET value = value + 1", connection, tx);
        await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
