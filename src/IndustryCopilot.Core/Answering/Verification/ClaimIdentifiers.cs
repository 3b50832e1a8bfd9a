using System.Globalization;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>The identifiers a claim must find in the unit it rests on: codes, sizes and part numbers (not clause labels or document numbers, which the source's header carries).</summary>
internal static class ClaimIdentifiers
{
    public static IReadOnlyList<Identifier> Of(string claim) =>
        [.. LexicalAnalyzer.Identifiers(claim).Where(i => i.Kind == IdentifierKind.Code)];

    /// <summary>All identifier terms of a text (any kind), for the unit side.</summary>
    public static HashSet<string> TermsOf(string text) =>
        LexicalAnalyzer.Identifiers(text).SelectMany(i => new[] { i.Term, i.Group }).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether an identifier term ends in the claimed bare number ("m12" holds 12).</summary>
    public static bool NumberIn(string identifier, Quantity claimed) =>
        claimed.Low == claimed.High && identifier.EndsWith(claimed.Low.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
