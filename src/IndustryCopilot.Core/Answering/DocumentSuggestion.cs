namespace IndustryCopilot.Core.Answering;

/// <summary>A document worth checking when the question could not be answered: the closest passages' documents.</summary>
public sealed record DocumentSuggestion(string DocumentId, string Title, string? DocumentNumber, string SectionPath);
