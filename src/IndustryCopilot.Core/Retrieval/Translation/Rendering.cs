namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// One rendering of a question's word in the other language: its text, the index grams a passage must hold all of to
/// match it (English stems, Chinese bigrams), and the lexical terms (with stems) a passage must hold to count as
/// covering the word when the evidence is judged.
/// </summary>
public sealed record Rendering(string Text, IReadOnlyList<string> Grams, IReadOnlyList<string> Terms);
