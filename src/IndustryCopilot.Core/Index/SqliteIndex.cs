using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Ingestion.Screening;
using IndustryCopilot.Core.Settings;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>
/// The embedded index: documents, chunks, lexical terms (FTS5) and vectors in one SQLite file. Replacing or
/// removing a document is one transaction, so a crash at any instant leaves the old version or the new one.
/// Thread-safe: reads run concurrently on their own read connections (WAL), writes of this instance take turns on
/// its one write connection (SQLite has one writer per file anyway; another instance's writer waits on busy_timeout).
/// </summary>
public sealed partial class SqliteIndex : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ReadConnections _reads;
    private readonly Lock _write = new();
    private readonly GenerationCache<IReadOnlySet<long>> _held;

    public SqliteIndex(IndexOptions options)
    {
        options.Validate();
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        DatabasePath = options.DatabasePath;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        _connection.Open();

        // WAL keeps readers (the server) going while a writer indexes; NORMAL sync is durable against process
        // crashes, which is what a kill during indexing is. busy_timeout lets a second writer wait its turn.
        SqliteSchema.Exec(_connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        SqliteSchema.Ensure(_connection);
        _reads = new ReadConnections(DatabasePath);
        _held = new(this, LoadHeldRows);
        _chunkCount = new(this, CountChunks);
        _chunkRows = new(this, LoadChunkRows);
        _allowed = new(this, () => new(StringComparer.Ordinal));
    }

    public string DatabasePath { get; }

    public IndexedFile? FindBySource(string sourcePath)
    {
        using var command = Command("SELECT id, source_path, content_hash, pipeline_version, embedding_model FROM documents WHERE source_path = $p");
        command.Parameters.AddWithValue("$p", sourcePath);
        using var r = command.ExecuteReader();
        return r.Read() ? new IndexedFile(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4)) : null;
    }

    /// <summary>Stores a document and its chunks in place of any earlier version, and updates revision statuses.</summary>
    public void ReplaceDocument(DocumentInfo document, IReadOnlyList<Chunk> chunks, int pipelineVersion)
    {
        lock (_write)
        {
            using var tx = _connection.BeginTransaction();
            var previousNumber = DeleteDocument(document.Id, tx);

            using (var insert = Command($"INSERT INTO documents(pipeline_version, {DocumentRows.DocumentColumns}) VALUES ($pipeline_version, $id, $source_path, $content_hash, $format, $size_bytes, $title, $doc_number, $revision, $effective_date, $language, $doc_type, $equipment, $line, $access_groups, $page_count, $ocr_pages, $chunk_count, $status, $superseded_by, $indexed_at, $aliases)", tx))
            {
                DocumentRows.BindDocument(insert, document with { ChunkCount = chunks.Count }, pipelineVersion);
                insert.ExecuteNonQuery();
            }

            using var chunkInsert = Command($"INSERT INTO chunks(id, {DocumentRows.ChunkColumns}) VALUES ($id, $doc_id, $ordinal, $section_path, $clause, $page_start, $page_end, $kind, $text, $token_count, $hash, $ocr_confidence, $table_label, $row_first, $row_last, $instruction) RETURNING rowid", tx);
            using var termInsert = Command("INSERT INTO chunk_terms(rowid, terms, grams) VALUES ($rowid, $terms, $grams)", tx);
            foreach (var stored in chunks)
            {
                // Every way into the catalog screens for passages addressing an assistant: they are kept and marked, and
                // held out of answers until an admin releases the document.
                var chunk = stored.Instruction is null && InstructionScreen.Reason(stored.Text) is { } held ? stored with { Instruction = held } : stored;
                var lexicalText = Search.LexicalText.Of(document, chunk);
                DocumentRows.BindChunk(chunkInsert, chunk);
                var rowid = (long)chunkInsert.ExecuteScalar()!;
                termInsert.Parameters.Clear();
                termInsert.Parameters.AddWithValue("$rowid", rowid);
                var terms = string.Join(' ', LexicalAnalyzer.Terms(lexicalText));
                var grams = string.Join(' ', LexicalAnalyzer.Grams(lexicalText));
                termInsert.Parameters.AddWithValue("$terms", terms);
                termInsert.Parameters.AddWithValue("$grams", grams);
                termInsert.ExecuteNonQuery();
                TermStatistics.Add(_connection, tx, [terms, grams], +1);
            }

            RevisionResolver.Resolve(_connection, tx, document.DocumentNumber);
            if (previousNumber is not null && previousNumber != document.DocumentNumber)
            {
                RevisionResolver.Resolve(_connection, tx, previousNumber);
            }

            BumpGeneration(tx);
            CrashPoint.Pass("document-before-commit");
            tx.Commit();
        }
    }

    /// <summary>Removes a document with its chunks, terms and vectors; returns false when it was not indexed.</summary>
    public bool RemoveDocument(string documentId)
    {
        lock (_write)
        {
            using var tx = _connection.BeginTransaction();
            using (var exists = Command("SELECT 1 FROM documents WHERE id = $id", tx))
            {
                exists.Parameters.AddWithValue("$id", documentId);
                if (exists.ExecuteScalar() is null)
                {
                    return false;
                }
            }

            var number = DeleteDocument(documentId, tx);
            RevisionResolver.Resolve(_connection, tx, number);
            BumpGeneration(tx);
            tx.Commit();
            return true;
        }
    }

    /// <summary>
    /// Row ids of passages held out of answers: they address an assistant, and their document has not been released
    /// (or has changed since it was). Cached until the catalog changes.
    /// </summary>
    public IReadOnlySet<long> HeldRows() => _held.Value;

    /// <summary>Per document with held passages: how many, the first reason, and whether an admin released this version.</summary>
    public IReadOnlyDictionary<string, HeldPassages> HeldDocuments()
    {
        using var command = Command("""
            SELECT c.doc_id, COUNT(*), MIN(c.instruction),
                   EXISTS (SELECT 1 FROM released_documents r JOIN documents d ON d.id = r.doc_id WHERE r.doc_id = c.doc_id AND r.content_hash = d.content_hash)
            FROM chunks c WHERE c.instruction IS NOT NULL GROUP BY c.doc_id
            """);
        return ReadAll(command, r => new HeldPassages(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3) != 0)).ToDictionary(h => h.DocumentId);
    }

    /// <summary>Releases a reviewed document's held passages for its current content; a new version is held again until reviewed.</summary>
    public bool ReleaseHeld(string documentId, string releasedBy, DateTimeOffset at)
    {
        lock (_write)
        {
            using var tx = _connection.BeginTransaction();
            using var command = Command("""
                INSERT INTO released_documents (doc_id, content_hash, released_by, released_at)
                SELECT id, content_hash, $by, $at FROM documents WHERE id = $id
                ON CONFLICT (doc_id) DO UPDATE SET content_hash = excluded.content_hash, released_by = excluded.released_by, released_at = excluded.released_at
                """, tx);
            command.Parameters.AddWithValue("$id", documentId);
            command.Parameters.AddWithValue("$by", releasedBy);
            command.Parameters.AddWithValue("$at", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            var released = command.ExecuteNonQuery() > 0;
            BumpGeneration(tx);
            tx.Commit();
            return released;
        }
    }

    public IReadOnlyList<DocumentInfo> ListDocuments()
    {
        using var command = Command($"SELECT {DocumentRows.DocumentColumns} FROM documents ORDER BY title, id");
        return ReadAll(command, DocumentRows.ReadDocument);
    }

    public DocumentInfo? GetDocument(string documentId)
    {
        using var command = Command($"SELECT {DocumentRows.DocumentColumns} FROM documents WHERE id = $id");
        command.Parameters.AddWithValue("$id", documentId);
        return ReadAll(command, DocumentRows.ReadDocument).FirstOrDefault();
    }

    /// <summary>Finds documents by id, source path (absolute or relative to the current folder), or a part of the title (case-insensitive).</summary>
    public IReadOnlyList<DocumentInfo> Resolve(string selector)
    {
        var all = ListDocuments();
        var full = Path.GetFullPath(selector);
        var exact = all.Where(d => d.Id == selector || d.SourcePath == full).ToList();
        return exact.Count > 0 ? exact : all.Where(d => d.Title.Contains(selector, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public IReadOnlyList<Chunk> GetChunks(string documentId)
    {
        using var command = Command($"SELECT {DocumentRows.ChunkColumns} FROM chunks WHERE doc_id = $id ORDER BY ordinal");
        command.Parameters.AddWithValue("$id", documentId);
        return ReadAll(command, DocumentRows.ReadChunk);
    }

    /// <summary>BM25 over the lexical terms of current documents, and of superseded ones only when asked.</summary>
    public IReadOnlyList<LexicalHit> SearchLexical(string query, int k, bool includeSuperseded = false)
    {
        var terms = LexicalAnalyzer.Terms(query).Distinct().Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        using var command = Command("""
            SELECT c.id, c.doc_id, d.title, c.section_path, c.page_start, c.page_end, c.text, -bm25(chunk_terms) AS score
            FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN documents d ON d.id = c.doc_id
            WHERE chunk_terms MATCH $q AND (d.status = 'current' OR $all = 1)
            ORDER BY bm25(chunk_terms), c.doc_id, c.ordinal LIMIT $k
            """);
        command.Parameters.AddWithValue("$q", "terms : (" + string.Join(" OR ", terms) + ")");
        command.Parameters.AddWithValue("$k", k);
        command.Parameters.AddWithValue("$all", includeSuperseded ? 1 : 0);
        return ReadAll(command, r => new LexicalHit(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.GetString(6), r.GetDouble(7)));
    }

    /// <summary>Compares the configured embedding model with the one whose vectors the index holds.</summary>
    public EmbeddingStatus CheckEmbedding(string modelId, int dimension)
    {
        var stored = StoredModelKey();
        using var countVectors = Command("SELECT COUNT(*) FROM vectors");
        var count = Convert.ToInt64(countVectors.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (stored is null || count == 0)
        {
            return EmbeddingStatus.Empty;
        }

        return stored == $"{modelId}|{dimension}" ? EmbeddingStatus.Matches : EmbeddingStatus.NeedsReembedding;
    }

    /// <summary>
    /// Stores normalised vectors for chunks and, when <paramref name="documentId"/> is given, records that the
    /// document is fully embedded by this model (one transaction). Refuses vectors of another model than the index's,
    /// so lanes never mix.
    /// </summary>
    public void StoreVectors(string modelId, int dimension, IReadOnlyList<(string ChunkId, float[] Vector)> vectors, string? documentId = null)
    {
        lock (_write)
        {
            if (CheckEmbedding(modelId, dimension) == EmbeddingStatus.NeedsReembedding)
            {
                throw new InvalidOperationException($"the index holds vectors of another embedding model than {modelId} ({dimension}-d); re-embed the index first.");
            }

            using var tx = _connection.BeginTransaction();
            using (var claim = Command("INSERT OR REPLACE INTO meta(key, value) VALUES ('embedding_model', $model)", tx))
            {
                claim.Parameters.AddWithValue("$model", $"{modelId}|{dimension}");
                claim.ExecuteNonQuery();
            }

            using var insert = Command("INSERT OR REPLACE INTO vectors(chunk_rowid, vector) SELECT rowid, $v FROM chunks WHERE id = $id", tx);
            foreach (var (chunkId, vector) in vectors)
            {
                if (vector.Length != dimension)
                {
                    throw new ArgumentException($"vector for {chunkId} has {vector.Length} dimensions, expected {dimension}", nameof(vectors));
                }

                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$id", chunkId);
                insert.Parameters.AddWithValue("$v", VectorBlob.Encode(vector));
                insert.ExecuteNonQuery();
            }

            if (documentId is not null)
            {
                using var mark = Command("UPDATE documents SET embedding_model = $model WHERE id = $id", tx);
                mark.Parameters.AddWithValue("$model", $"{modelId}|{dimension}");
                mark.Parameters.AddWithValue("$id", documentId);
                mark.ExecuteNonQuery();
            }

            BumpGeneration(tx);
            CrashPoint.Pass("vectors-before-commit");
            tx.Commit();
        }
    }

    /// <summary>
    /// Drops every vector and hands the index to another embedding model; documents are then re-embedded one by one
    /// (each records its model), so an interrupted re-embedding resumes where it stopped.
    /// </summary>
    public void ResetVectors(string modelId, int dimension)
    {
        lock (_write)
        {
            using var tx = _connection.BeginTransaction();
            using var reset = Command("DELETE FROM vectors; UPDATE documents SET embedding_model = NULL; INSERT OR REPLACE INTO meta(key, value) VALUES ('embedding_model', $model);", tx);
            reset.Parameters.AddWithValue("$model", $"{modelId}|{dimension}");
            reset.ExecuteNonQuery();
            BumpGeneration(tx);
            tx.Commit();
        }
    }

    public void Dispose()
    {
        _reads.Dispose();
        _connection.Dispose();
    }

    private HashSet<long> LoadHeldRows()
    {
        using var command = Command("""
            SELECT c.rowid FROM chunks c JOIN documents d ON d.id = c.doc_id
            WHERE c.instruction IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM released_documents r WHERE r.doc_id = d.id AND r.content_hash = d.content_hash)
            """);
        return ReadAll(command, r => r.GetInt64(0)).ToHashSet();
    }

    private string? DeleteDocument(string documentId, SqliteTransaction tx)
    {
        string? number;
        using (var find = Command("SELECT doc_number FROM documents WHERE id = $id", tx))
        {
            find.Parameters.AddWithValue("$id", documentId);
            number = find.ExecuteScalar() as string;
        }

        TermStatistics.RemoveDocument(_connection, tx, documentId);
        using var delete = Command("""
            DELETE FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE doc_id = $id);
            DELETE FROM vectors WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE doc_id = $id);
            DELETE FROM chunks WHERE doc_id = $id;
            DELETE FROM documents WHERE id = $id;
            """, tx);
        delete.Parameters.AddWithValue("$id", documentId);
        delete.ExecuteNonQuery();
        return number;
    }

    private void BumpGeneration(SqliteTransaction tx)
    {
        using var bump = Command("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'", tx);
        bump.ExecuteNonQuery();
    }

    // A read: its own connection, concurrent with other reads and with the writer.
    private ReadCommand Command(string sql) => new(_reads, sql);

    // A write, inside this instance's transaction (callers hold _write).
    private SqliteCommand Command(string sql, SqliteTransaction tx)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private string? StoredModelKey()
    {
        using var command = Command("SELECT value FROM meta WHERE key = 'embedding_model'");
        return command.ExecuteScalar() as string;
    }

    private static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using var r = command.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }

        return list;
    }
}
