namespace IndustryCopilot.Core.Ingestion.Reading.Pdf;

/// <summary>A table found among a page's lines: it replaces lines [Start, Start + Count), caption line included.</summary>
internal sealed record PdfTable(int Start, int Count, TableData Data);
