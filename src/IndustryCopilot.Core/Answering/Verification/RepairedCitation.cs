namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>A claim the model cited to sources that do not support it, re-cited to the prompt source that does (numbers as the model saw them).</summary>
public sealed record RepairedCitation(string Claim, IReadOnlyList<int> Cited, int Now);
