namespace IndustryCopilot.Core.Answering;

/// <summary>The quote-mode text with its citations, and the question back to the reader when rows differ only in a qualifier.</summary>
internal sealed record QuotedPassages(string Text, List<Citation> Citations, string? Choice);
