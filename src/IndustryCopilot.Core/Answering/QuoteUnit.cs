namespace IndustryCopilot.Core.Answering;

/// <summary>A quotable piece of a chunk — a sentence, or a table row — at [Start, End) of the chunk's text.</summary>
internal sealed record QuoteUnit(int HitRank, int Index, int Start, int End, string Text, bool IsTableRow, IReadOnlySet<string> Terms);
