namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>One structural block of a document in reading order.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Text">Its text (for tables: the caption, if any).</param>
/// <param name="Page">1-based page, or null for formats without pages.</param>
/// <param name="HeadingLevel">1 = top level; only for <see cref="BlockKind.Heading"/>.</param>
/// <param name="Table">Rows and header; only for <see cref="BlockKind.Table"/>.</param>
public sealed record Block(BlockKind Kind, string Text, int? Page, int HeadingLevel = 0, TableData? Table = null);
