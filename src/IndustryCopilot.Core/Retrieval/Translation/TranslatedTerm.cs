namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// A word or phrase of the question and its renderings in the other language: one synonym group of the structured
/// query, so a word with many senses weighs no more than a word with one. <see cref="SourceTerms"/> are the question's
/// key terms the group stands for when the evidence is judged.
/// </summary>
public sealed record TranslatedTerm(string Source, IReadOnlyList<string> SourceTerms, IReadOnlyList<Rendering> Renderings, TranslationOrigin Origin)
{
    /// <summary>Weight of the group in the translated lane; a one-character Chinese word is too ambiguous for a full vote.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>
    /// True when a passage holding <paramref name="terms"/> holds one rendering: all its words up to two, two of three,
    /// three of four ("oil change interval" is held by "replace the oil every … hours" under "Maintenance intervals").
    /// </summary>
    /// <param name="terms">The passage's terms (with stems), or its index grams when <paramref name="grams"/>.</param>
    /// <param name="grams">Compare the renderings' grams (stems, bigrams) instead of their terms.</param>
    public bool HeldBy(IReadOnlySet<string> terms, bool grams = false) =>
        Renderings.Select(r => grams ? r.Grams : r.Terms).Any(words => words.Count > 0 && words.Count(terms.Contains) >= Math.Max(Math.Min(words.Count, 2), (int)Math.Ceiling(words.Count * 2 / 3.0)));
}
