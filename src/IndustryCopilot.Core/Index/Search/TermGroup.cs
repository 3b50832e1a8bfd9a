namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// One group of a structured query (the translated lane): alternatives that stand for one word of the question, each
/// a list of grams (a rendering of several words counts by the mean frequency of its grams). A chunk's frequency for
/// the group is the sum over the alternatives, its document frequency that of the union, so a word with many
/// renderings weighs like a word with one.
/// </summary>
public sealed record TermGroup(IReadOnlyList<IReadOnlyList<string>> Alternatives, double Weight = 1.0);
