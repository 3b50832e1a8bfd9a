using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// A claim read once for alignment: its values, codes, content grams, language, and whether it carries enough values
/// to be checked across languages (a measured value plus one more value or code; a code with its own digits counts once).
/// </summary>
internal sealed record ClaimFeatures(string Text, List<Quantity> Values, IReadOnlyList<Identifier> Identifiers, HashSet<string> Grams, bool Chinese, bool CrossLanguage)
{
    /// <summary>The claim's words rendered in the other language, when a translator is at hand (sources in both languages).</summary>
    public Retrieval.Translation.QueryTranslation? Translation { get; init; }

    /// <summary>
    /// Share (0–1) of the claim's translated words a unit in the other language holds, by one rendering each (most of
    /// a rendering's grams, as <see cref="Retrieval.Translation.TranslatedTerm.HeldBy"/>); codes and values are not
    /// counted here, they are checked as values.
    /// </summary>
    public double TranslatedCoverage(IReadOnlySet<string> unitGrams)
    {
        var words = Translation?.Terms.Where(t => t.Origin is Retrieval.Translation.TranslationOrigin.Glossary or Retrieval.Translation.TranslationOrigin.Dictionary).ToList() ?? [];
        return words.Count == 0 ? 0 : words.Count(w => w.HeldBy(unitGrams, grams: true)) / (double)words.Count;
    }

    /// <summary>The claim's Chinese characters (see <see cref="Content.Characters"/>).</summary>
    public HashSet<char> Characters { get; init; } = [];

    public static ClaimFeatures Of(string claim)
    {
        var values = Quantities.In(claim);
        var identifiers = ClaimIdentifiers.Of(claim);
        var crossLanguage = values.Any(v => v.HasUnit) && values.Count(v => v.HasUnit || !identifiers.Any(i => ClaimIdentifiers.NumberIn(i.Term, v))) + identifiers.Count >= 2;
        return new ClaimFeatures(claim, values, identifiers, Content.Grams(claim), Content.IsChinese(claim), crossLanguage) { Characters = Content.Characters(claim) };
    }
}
