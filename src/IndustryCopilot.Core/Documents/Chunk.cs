namespace IndustryCopilot.Core.Documents;

/// <summary>A citable piece of a document: one clause or article, a run of steps, or a group of table rows.</summary>
public sealed record Chunk
{
    public required string DocumentId { get; init; }

    /// <summary>0-based position of the chunk in its document.</summary>
    public required int Ordinal { get; init; }

    /// <summary>Headings above the chunk joined by <c> &gt; </c>, ending with the clause label when there is one.</summary>
    public required string SectionPath { get; init; }

    /// <summary>The clause or article label the chunk belongs to (<c>5.3.2</c>, <c>第二十一条</c>, <c>(c)(4)</c>), if any.</summary>
    public string? ClauseLabel { get; init; }

    /// <summary>First 1-based page, or null for formats without pages.</summary>
    public int? PageStart { get; init; }

    /// <summary>Last 1-based page, or null for formats without pages.</summary>
    public int? PageEnd { get; init; }

    public ChunkKind Kind { get; init; }

    /// <summary>The chunk's text, verbatim from the source (tables rendered as Markdown).</summary>
    public required string Text { get; init; }

    /// <summary>Approximate model tokens: one per CJK character, one per word or number otherwise.</summary>
    public int TokenCount { get; init; }

    /// <summary>For table chunks: the table's label from its caption (<c>表2</c>, <c>Table 3</c>), if it has one.</summary>
    public string? TableLabel { get; init; }

    /// <summary>For table chunks: the 1-based body rows of the table this chunk holds, first and last.</summary>
    public (int First, int Last)? TableRows { get; init; }

    /// <summary>When the chunk's text was recognised by OCR: Tesseract's mean word confidence on its pages (0–100); else null.</summary>
    public double? OcrConfidence { get; init; }

    /// <summary>
    /// Why the passage is held out of prompts, quotes and suggestions — it addresses an assistant or a model
    /// (<see cref="Ingestion.Screening.InstructionScreen"/>) — or null. Held until an admin releases its document.
    /// </summary>
    public string? Instruction { get; init; }

    /// <summary>SHA-256 (hex) over section path, clause, pages, kind and text.</summary>
    public required string Hash { get; init; }

    /// <summary>Globally unique chunk id: <c>{DocumentId}#{Ordinal}</c>.</summary>
    public string Id => $"{DocumentId}#{Ordinal}";

    /// <summary>The text the lexical and dense lanes see: section path and text, so titles are searchable.</summary>
    public string SearchText => string.IsNullOrEmpty(SectionPath) ? Text : SectionPath + "\n" + Text;
}
