namespace IndustryCopilot.Core.Ingestion.Reading.Pdf;

/// <summary>A word of a PDF line and where it stands horizontally, in points.</summary>
internal sealed record PdfWord(string Text, double Left, double Right);
