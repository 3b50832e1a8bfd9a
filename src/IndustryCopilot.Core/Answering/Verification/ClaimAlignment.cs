namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Aligns one claim with the unit of evidence it rests on. A unit supports the claim when it covers the claim's
/// content (at least <c>minCoverage</c> of its bigrams and stems; across languages of its translated words, or its values), states every
/// value of the claim (after exact conversion; a row's bare number under a header naming the unit), and names every
/// code or size the claim names. Among supporting units the best covered is the aligned one; the claim is then
/// compared with it for polarity and condition. What fails says why: a value that sits only in another row or step,
/// a missing qualifier, content no unit covers, a prohibition turned into an instruction, a dropped condition.
/// </summary>
internal static class ClaimAlignment
{
    public static ClaimVerdict Align(string claim, IReadOnlyList<EvidenceUnit> units, double minCoverage) => Align(ClaimFeatures.Of(claim), units, minCoverage);

    public static ClaimVerdict Align(ClaimFeatures features, IReadOnlyList<EvidenceUnit> units, double minCoverage)
    {
        var (claim, values, identifiers, grams, chinese, crossLanguage) = features;
        (EvidenceUnit Unit, double Coverage)? best = null;
        (EvidenceUnit Unit, double Coverage, string What)? nearMiss = null;
        foreach (var unit in units)
        {
            // Chinese: bigrams and single characters together, so a paraphrase that swaps words (转动 for 旋转, 伸进 for
            // 伸手进入) is not lost while a sentence sharing only common characters still is.
            var coverage = grams.Count == 0 ? 1 : grams.Count(unit.Grams.Contains) / (double)grams.Count;
            if (chinese && features.Characters.Count > 0)
            {
                coverage = (coverage + (features.Characters.Count(unit.Characters.Contains) / (double)features.Characters.Count)) / 2;
            }
            // Across languages the claim's words are compared through their translations when a translator is at
            // hand; values and codes carry a claim on their own: a measured value with its unit and at least one more
            // value or code (a code with its own digits counts once).
            var translated = chinese != unit.Chinese && unit.DocumentLanguage == (chinese ? Documents.DocumentLanguage.En : Documents.DocumentLanguage.Zh);
            if (translated)
            {
                coverage = features.TranslatedCoverage(unit.Grams);
            }

            var covers = chinese == unit.Chinese ? coverage >= minCoverage : crossLanguage || (translated && coverage >= minCoverage);
            if (!covers)
            {
                continue;
            }

            var what = values.FirstOrDefault(v => !unit.States(v))?.Text ?? identifiers.FirstOrDefault(i => !unit.Names(i))?.Term ?? unit.OtherRowsQualifier(grams);
            if (what is not null)
            {
                if (nearMiss is null || coverage > nearMiss.Value.Coverage)
                {
                    nearMiss = (unit, coverage, what);
                }

                continue;
            }

            if (best is null || coverage > best.Value.Coverage)
            {
                best = (unit, coverage);
            }
        }

        if (best is { Unit: var aligned, Coverage: var covered })
        {
            if (aligned.Forbids && !Modality.Negates(claim))
            {
                return new ClaimVerdict(aligned, UnsupportedReason.Contradicted, $"its source forbids this: \"{Cut(aligned.Text)}\"", covered);
            }

            // A procedure's sentence asks for what it says, with or without "must": waiving it says the opposite.
            if (!aligned.Forbids && Modality.Waives(claim) && !Modality.Waives(aligned.Text))
            {
                return new ClaimVerdict(aligned, UnsupportedReason.Contradicted, $"its source requires this: \"{Cut(aligned.Text)}\"", covered);
            }

            if (aligned.Conditions && !Modality.KeepsACondition(claim))
            {
                return new ClaimVerdict(aligned, UnsupportedReason.DroppedCondition, $"its source makes this wait on a condition: \"{Cut(aligned.Text)}\"", covered);
            }

            return new ClaimVerdict(aligned, null, "", covered);
        }

        if (nearMiss is not { } miss)
        {
            return new ClaimVerdict(null, UnsupportedReason.NotCovered, "no cited sentence, step or row says this");
        }

        // A value found nowhere in the cited sources is a number they do not state; one found in another row or step
        // is a value taken from the wrong place.
        var elsewhere = values.Where(v => !miss.Unit.States(v)).All(v => units.Any(u => u.States(v)));
        return elsewhere
            ? new ClaimVerdict(null, UnsupportedReason.NotInAlignedUnit, $"'{miss.What}' is not in the {(miss.Unit.IsTableRow ? "row" : "sentence")} it rests on: \"{Cut(miss.Unit.Text)}\"", miss.Coverage)
            : new ClaimVerdict(null, UnsupportedReason.NumberNotInSources, $"'{miss.What}' is not in the cited sources", miss.Coverage);
    }

    private static string Cut(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
