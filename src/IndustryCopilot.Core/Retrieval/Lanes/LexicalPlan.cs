namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>The terms and grams a lexical query actually searches for, rarest first.</summary>
public sealed record LexicalPlan(IReadOnlyList<string> Terms, IReadOnlyList<string> Grams);
