namespace IndustryCopilot.Qdrant.Collections;

/// <summary>Payload field names of a chunk point.</summary>
public static class PointFields
{
    public const string ChunkId = "chunk_id";
    public const string DocumentId = "doc_id";
    public const string Ordinal = "ordinal";
    public const string Title = "title";
    public const string DocumentNumber = "doc_number";
    public const string Revision = "revision";
    public const string Status = "status";
    public const string SupersededBy = "superseded_by";
    public const string DocType = "doc_type";
    public const string Language = "language";
    public const string Equipment = "equipment";
    public const string Line = "line";
    public const string Groups = "groups";
    public const string SectionPath = "section_path";
    public const string Clause = "clause";
    public const string PageStart = "page_start";
    public const string PageEnd = "page_end";
    public const string Kind = "kind";
    public const string Text = "text";
    public const string TableLabel = "table_label";
    public const string Identifiers = "ids";
    public const string ContentHash = "content_hash";
    public const string Fingerprint = "fingerprint";
}
