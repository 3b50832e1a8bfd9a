namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>A document the query names by title or number, at character span [Start, End) of the normalised query.</summary>
public sealed record DocumentMention(string DocumentId, string Title, int Start, int End);
