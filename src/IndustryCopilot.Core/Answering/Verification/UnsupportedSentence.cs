namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>A generated sentence that failed verification, and whether it was removed or kept flagged.</summary>
public sealed record UnsupportedSentence(string Text, UnsupportedReason Reason, string Detail, bool Removed);
