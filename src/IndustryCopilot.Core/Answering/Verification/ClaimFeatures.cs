using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// A claim read once for alignment: its values, codes, content grams, language, and whether it carries enough values
/// to be checked across languages (a measured value plus one more value or code; a code with its own digits counts once).
/// </summary>
internal sealed record ClaimFeatures(string Text, List<Quantity> Values, IReadOnlyList<Identifier> Identifiers, HashSet<string> Grams, bool Chinese, bool CrossLanguage)
{
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
