using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// One checkable piece of a prompt source — a sentence, a list step or a table row — with what a claim resting on
/// it is compared against: its content (CJK bigrams and English stems, with its document's title and section, and for
/// a row its table's caption and header), its values, the units its table header names, its identifiers, and whether
/// it forbids or imposes a condition.
/// </summary>
internal sealed record EvidenceUnit(
    int Source,
    int Index,
    string Text,
    bool IsTableRow,
    IReadOnlySet<string> Grams,
    IReadOnlyList<Quantity> Values,
    IReadOnlyList<Quantity> HeaderUnits,
    IReadOnlySet<string> Identifiers,
    bool Forbids,
    bool Conditions,
    bool Chinese)
{
    /// <summary>Its Chinese characters, with its document's title and section's (for Chinese claims' character coverage).</summary>
    public IReadOnlySet<char> Characters { get; init; } = new HashSet<char>();

    /// <summary>For a table row: the content of its own cells, and of every body row of its table.</summary>
    public (IReadOnlySet<string> Own, IReadOnlySet<string> Body)? RowGrams { get; init; }

    /// <summary>
    /// The language of the unit's document: a claim is read through its translation only against a document wholly in
    /// the other language, not against an ASCII row of a bilingual table (whose header the claim shares).
    /// </summary>
    public Documents.DocumentLanguage DocumentLanguage { get; init; }

    /// <summary>
    /// For a table row, the claim's words that name some row of the table (its qualifiers: a size, a grade, a file)
    /// but not this one — a claim about another row's thing; null when there is none.
    /// </summary>
    public string? OtherRowsQualifier(IEnumerable<string> claimGrams) =>
        RowGrams is { } rows ? claimGrams.FirstOrDefault(g => rows.Body.Contains(g) && !rows.Own.Contains(g)) : null;

    /// <summary>Whether this unit states <paramref name="claimed"/>: the same value (after an exact conversion), or for a table row the same number under a header naming its unit.</summary>
    public bool States(Quantity claimed)
    {
        if (!claimed.HasUnit)
        {
            return Values.Any(v => v.SameNumber(claimed)) || Identifiers.Any(i => ClaimIdentifiers.NumberIn(i, claimed));
        }

        return Values.Any(v => v.SameValue(claimed))
            || (IsTableRow && Values.Any(v => !v.HasUnit && HeaderUnits.Any(u => (v with { Dimension = u.Dimension, Factor = u.Factor, Scale = u.Scale }).SameValue(claimed))));
    }

    public bool Names(Identifier identifier) => Identifiers.Contains(identifier.Term) || Identifiers.Contains(identifier.Group);
}
