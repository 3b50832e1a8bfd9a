using System.Globalization;
using System.Text.Json;
using IndustryCopilot.Core.Documents;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>Maps documents and chunks to and from their SQLite rows.</summary>
internal static class DocumentRows
{
    public const string DocumentColumns = "id, source_path, content_hash, format, size_bytes, title, doc_number, revision, effective_date, language, doc_type, equipment, line, access_groups, page_count, ocr_pages, chunk_count, status, superseded_by, indexed_at, aliases";

    public const string ChunkColumns = "doc_id, ordinal, section_path, clause, page_start, page_end, kind, text, token_count, hash, ocr_confidence, table_label, row_first, row_last, instruction";

    public static void BindDocument(SqliteCommand command, DocumentInfo d, int pipelineVersion)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", d.Id);
        p.AddWithValue("$source_path", d.SourcePath);
        p.AddWithValue("$content_hash", d.ContentHash);
        p.AddWithValue("$pipeline_version", pipelineVersion);
        p.AddWithValue("$format", d.Format);
        p.AddWithValue("$size_bytes", d.SizeBytes);
        p.AddWithValue("$title", d.Title);
        p.AddWithValue("$doc_number", (object?)d.DocumentNumber ?? DBNull.Value);
        p.AddWithValue("$revision", (object?)d.Revision ?? DBNull.Value);
        p.AddWithValue("$effective_date", d.EffectiveDate is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
        p.AddWithValue("$language", d.Language.ToString().ToLowerInvariant());
        p.AddWithValue("$doc_type", (object?)d.DocType ?? DBNull.Value);
        p.AddWithValue("$equipment", (object?)d.Equipment ?? DBNull.Value);
        p.AddWithValue("$line", (object?)d.Line ?? DBNull.Value);
        p.AddWithValue("$access_groups", JsonSerializer.Serialize(d.AccessGroups));
        p.AddWithValue("$page_count", d.PageCount);
        p.AddWithValue("$ocr_pages", JsonSerializer.Serialize(d.PagesNeedingOcr));
        p.AddWithValue("$chunk_count", d.ChunkCount);
        p.AddWithValue("$status", d.Status.ToString().ToLowerInvariant());
        p.AddWithValue("$superseded_by", (object?)d.SupersededBy ?? DBNull.Value);
        p.AddWithValue("$indexed_at", d.IndexedAt.ToString("O", CultureInfo.InvariantCulture));
        p.AddWithValue("$aliases", d.Aliases.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(d.Aliases));
    }

    public static DocumentInfo ReadDocument(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        SourcePath = r.GetString(1),
        ContentHash = r.GetString(2),
        Format = r.GetString(3),
        SizeBytes = r.GetInt64(4),
        Title = r.GetString(5),
        DocumentNumber = NullableString(r, 6),
        Revision = NullableString(r, 7),
        EffectiveDate = NullableString(r, 8) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Language = Enum.Parse<DocumentLanguage>(r.GetString(9), ignoreCase: true),
        DocType = NullableString(r, 10),
        Equipment = NullableString(r, 11),
        Line = NullableString(r, 12),
        AccessGroups = JsonSerializer.Deserialize<List<string>>(r.GetString(13)) ?? ["public"],
        PageCount = r.GetInt32(14),
        PagesNeedingOcr = JsonSerializer.Deserialize<List<int>>(r.GetString(15)) ?? [],
        ChunkCount = r.GetInt32(16),
        Status = Enum.Parse<DocumentStatus>(r.GetString(17), ignoreCase: true),
        SupersededBy = NullableString(r, 18),
        IndexedAt = DateTimeOffset.Parse(r.GetString(19), CultureInfo.InvariantCulture),
        Aliases = NullableString(r, 20) is { } aliases ? JsonSerializer.Deserialize<List<string>>(aliases) ?? [] : [],
    };

    public static void BindChunk(SqliteCommand command, Chunk c)
    {
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("$id", c.Id);
        p.AddWithValue("$doc_id", c.DocumentId);
        p.AddWithValue("$ordinal", c.Ordinal);
        p.AddWithValue("$section_path", c.SectionPath);
        p.AddWithValue("$clause", (object?)c.ClauseLabel ?? DBNull.Value);
        p.AddWithValue("$page_start", (object?)c.PageStart ?? DBNull.Value);
        p.AddWithValue("$page_end", (object?)c.PageEnd ?? DBNull.Value);
        p.AddWithValue("$kind", c.Kind.ToString().ToLowerInvariant());
        p.AddWithValue("$text", c.Text);
        p.AddWithValue("$token_count", c.TokenCount);
        p.AddWithValue("$hash", c.Hash);
        p.AddWithValue("$ocr_confidence", (object?)c.OcrConfidence ?? DBNull.Value);
        p.AddWithValue("$table_label", (object?)c.TableLabel ?? DBNull.Value);
        p.AddWithValue("$row_first", c.TableRows is { } rows ? rows.First : DBNull.Value);
        p.AddWithValue("$row_last", c.TableRows is { } last ? last.Last : DBNull.Value);
        p.AddWithValue("$instruction", (object?)c.Instruction ?? DBNull.Value);
    }

    public static Chunk ReadChunk(SqliteDataReader r) => ReadChunk(r, 0);

    /// <summary>Reads the <see cref="ChunkColumns"/> starting at column <paramref name="o"/>.</summary>
    public static Chunk ReadChunk(SqliteDataReader r, int o) => new()
    {
        DocumentId = r.GetString(o),
        Ordinal = r.GetInt32(o + 1),
        SectionPath = r.GetString(o + 2),
        ClauseLabel = NullableString(r, o + 3),
        PageStart = r.IsDBNull(o + 4) ? null : r.GetInt32(o + 4),
        PageEnd = r.IsDBNull(o + 5) ? null : r.GetInt32(o + 5),
        Kind = Enum.Parse<ChunkKind>(r.GetString(o + 6), ignoreCase: true),
        Text = r.GetString(o + 7),
        TokenCount = r.GetInt32(o + 8),
        Hash = r.GetString(o + 9),
        OcrConfidence = r.IsDBNull(o + 10) ? null : r.GetDouble(o + 10),
        TableLabel = NullableString(r, o + 11),
        TableRows = r.IsDBNull(o + 12) ? null : (r.GetInt32(o + 12), r.GetInt32(o + 13)),
        Instruction = NullableString(r, o + 14),
    };

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
