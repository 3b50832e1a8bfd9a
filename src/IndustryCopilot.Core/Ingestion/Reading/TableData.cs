namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>A table as rows of cell text; <see cref="Header"/> is repeated in every chunk made from it.</summary>
public sealed record TableData(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null);
