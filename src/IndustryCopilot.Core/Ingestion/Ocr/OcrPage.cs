namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>Text recognised on one page: paragraphs in reading order and Tesseract's mean word confidence (0–100).</summary>
public sealed record OcrPage(int Page, IReadOnlyList<string> Paragraphs, double MeanConfidence);
