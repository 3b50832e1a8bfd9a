using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// One numbered source of an answer: where the quoted text stands (document, number, revision, section or clause,
/// pages) and the exact text quoted, which occurs verbatim in the cited chunk.
/// </summary>
public sealed record Citation
{
    /// <summary>The n of [n] in the answer text, from 1.</summary>
    public required int Number { get; init; }

    public required string ChunkId { get; init; }

    public required string DocumentId { get; init; }

    public required string DocumentTitle { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Revision { get; init; }

    /// <summary>Headings above the passage, ending with the clause label when there is one.</summary>
    public required string SectionPath { get; init; }

    public string? ClauseLabel { get; init; }

    public int? PageStart { get; init; }

    public int? PageEnd { get; init; }

    /// <summary>For a quoted table row: the table's label (<c>表2</c>, <c>Table 3</c>), if its caption gives one.</summary>
    public string? TableLabel { get; init; }

    /// <summary>For quoted table rows: their 1-based body row numbers in the table, first and last.</summary>
    public (int First, int Last)? TableRows { get; init; }

    /// <summary>Set when the passage was recognised by OCR from a scanned page: mean word confidence, 0–100.</summary>
    public double? OcrConfidence { get; init; }

    /// <summary>The quoted text, verbatim from the chunk.</summary>
    public required string Quote { get; init; }

    /// <summary>Verbatim pieces of <see cref="Quote"/> that hold what was asked (the torque cell, the interval, the alarm's action), for a client to mark.</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>
    /// The language of the cited document (<c>zh</c>, <c>en</c>, <c>mixed</c>), so that a client can say when a quote
    /// is in another language than the question ("英文原文").
    /// </summary>
    public Documents.DocumentLanguage Language { get; init; }

    /// <summary>Source file path, for click-through.</summary>
    public required string SourcePath { get; init; }

    /// <summary>A citation of <paramref name="quote"/>, which must be verbatim text of the hit's chunk.</summary>
    public static Citation From(int number, RetrievedChunk hit, string quote) => new()
    {
        Number = number,
        ChunkId = hit.Chunk.Id,
        DocumentId = hit.Document.Id,
        DocumentTitle = hit.Document.Title,
        DocumentNumber = hit.Document.DocumentNumber,
        Revision = hit.Document.Revision,
        SectionPath = hit.Chunk.SectionPath,
        ClauseLabel = hit.Chunk.ClauseLabel,
        PageStart = hit.Chunk.PageStart,
        PageEnd = hit.Chunk.PageEnd,
        OcrConfidence = hit.Chunk.OcrConfidence,
        Quote = quote,
        Language = hit.Document.Language,
        SourcePath = hit.Document.SourcePath,
    };
}
