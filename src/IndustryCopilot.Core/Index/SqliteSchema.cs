using IndustryCopilot.Core.Index.Lexical;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>Creates and checks the embedded index schema.</summary>
internal static class SqliteSchema
{
    public const int Version = 6;

    public static void Ensure(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        Exec(connection, tx, $"""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY,
                source_path TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL,
                pipeline_version INTEGER NOT NULL,
                format TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                title TEXT NOT NULL,
                doc_number TEXT,
                revision TEXT,
                effective_date TEXT,
                language TEXT NOT NULL,
                doc_type TEXT,
                equipment TEXT,
                line TEXT,
                access_groups TEXT NOT NULL,
                page_count INTEGER NOT NULL,
                ocr_pages TEXT NOT NULL,
                chunk_count INTEGER NOT NULL,
                status TEXT NOT NULL,
                superseded_by TEXT,
                indexed_at TEXT NOT NULL,
                embedding_model TEXT,
                aliases TEXT);
            CREATE INDEX IF NOT EXISTS ix_documents_number ON documents(doc_number);
            CREATE TABLE IF NOT EXISTS chunks (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                section_path TEXT NOT NULL,
                clause TEXT,
                page_start INTEGER,
                page_end INTEGER,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                token_count INTEGER NOT NULL,
                hash TEXT NOT NULL,
                ocr_confidence REAL,
                table_label TEXT,
                row_first INTEGER,
                row_last INTEGER,
                instruction TEXT);
            CREATE INDEX IF NOT EXISTS ix_chunks_doc ON chunks(doc_id, ordinal);
            CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(terms, grams, tokenize = "unicode61 remove_diacritics 0 tokenchars '{LexicalAnalyzer.TermPunctuation}'");
            CREATE TABLE IF NOT EXISTS vectors (
                chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE,
                vector BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
            INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0');
            CREATE TABLE IF NOT EXISTS released_documents (doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, released_by TEXT NOT NULL, released_at TEXT NOT NULL);
            """);
        // Passages addressing an assistant are held (InstructionScreen); indexes from before know none, and the
        // pipeline version that came with it re-reads every document once.
        AddMissingColumns(connection, tx, "chunks", [("instruction", "TEXT")]);
        var version = Scalar(connection, tx, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (version is null)
        {
            Exec(connection, tx, $"INSERT INTO meta(key, value) VALUES ('schema_version', '{Version}')");
        }
        else if (version is "1" or "2" or "3" or "4")
        {
            // Version 2 records which embedding model each document's vectors came from; versions 3–4 index a second
            // lexical column (bigrams, stems) and counts chunks per term. Old term rows cannot be upgraded in place: documents are re-indexed
            // on the next run, which also embeds them.
            if (version == "1")
            {
                Exec(connection, tx, "ALTER TABLE documents ADD COLUMN embedding_model TEXT;");
            }

            AddVersion5Columns(connection, tx);
            AddMissingColumns(connection, tx, "documents", [("aliases", "TEXT")]);

            Exec(connection, tx, $"""
                UPDATE documents SET pipeline_version = 0;
                DROP TABLE IF EXISTS chunk_vocab;
                DROP TABLE chunk_terms;
                CREATE VIRTUAL TABLE chunk_terms USING fts5(terms, grams, tokenize = "unicode61 remove_diacritics 0 tokenchars '{LexicalAnalyzer.TermPunctuation}'");
                CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
                DELETE FROM term_df;
                UPDATE meta SET value = '{Version}' WHERE key = 'schema_version';
                """);
        }
        else if (version == "5")
        {
            // An index written between the OCR and the table-provenance commits says 5 without the table columns.
            // Version 6 adds the names a sidecar declares for a document; nothing needs re-reading for it.
            AddVersion5Columns(connection, tx);
            AddMissingColumns(connection, tx, "documents", [("aliases", "TEXT")]);
            Exec(connection, tx, $"UPDATE meta SET value = '{Version}' WHERE key = 'schema_version';");
        }
        else if (version != Version.ToString())
        {
            throw new InvalidOperationException($"index schema version {version} is not supported by this build (expects {Version}); re-create the data directory.");
        }

        tx.Commit();
    }

    // Version 5 records the OCR confidence of chunks recognised from scanned pages and the provenance of table chunks
    // (table label, body row range).
    private static void AddVersion5Columns(SqliteConnection connection, SqliteTransaction tx) =>
        AddMissingColumns(connection, tx, "chunks", [("ocr_confidence", "REAL"), ("table_label", "TEXT"), ("row_first", "INTEGER"), ("row_last", "INTEGER")]);

    // Adds whichever of the columns the table lacks, so an upgrade also mends an index written half-way between versions.
    private static void AddMissingColumns(SqliteConnection connection, SqliteTransaction tx, string table, (string Column, string Type)[] columns)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (column, type) in columns.Where(c => !existing.Contains(c.Column)))
        {
            Exec(connection, tx, $"ALTER TABLE {table} ADD COLUMN {column} {type};");
        }
    }

    public static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static string? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
