using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval.Translation;
using System.Text;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Answering.Generation;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Checks a model's answer against the sources it was given, before anyone sees it. Markers [n] pointing to no source
/// are dropped. Each sentence is cut into its claims (<see cref="ClaimSplitter"/>), and each claim must rest on one
/// unit of a source it cites — a sentence, a list step or a table row with its header — that covers what it says and
/// holds its values, codes and sizes (<see cref="ClaimAlignment"/>); a claim that contradicts its unit or drops its
/// condition is removed whatever the handling says. A claim supported only by another source in the prompt is
/// re-cited to it and reported as repaired. Surviving markers are renumbered 1, 2, … in order of first use, each with
/// a citation quoting the unit the claim rests on.
/// </summary>
public static partial class GeneratedAnswerVerifier
{
    /// <summary>
    /// Share of a claim's content (Chinese bigrams, English stems) a unit must hold to support it. Chosen by
    /// cross-validation over the verifier benchmark's folds (docs/evaluation.md, "Verifier").
    /// </summary>
    public const double DefaultMinCoverage = 0.5;

    // How much more of a claim another source's unit must cover to count as the one the claim rests on.
    private const double BetterElsewhere = 0.25;

    private const string FlagZh = "（未经来源证实）";
    private const string FlagEn = " (not verified against the sources)";

    /// <summary>Checks every sentence of <paramref name="modelText"/> against the <paramref name="sources"/> it cites.</summary>
    /// <param name="modelText">The model's answer.</param>
    /// <param name="sources">The numbered sources of the prompt.</param>
    /// <param name="handling">What happens to a sentence the sources do not support.</param>
    /// <param name="chinese">The answer's language is Chinese.</param>
    /// <param name="minCoverage">Share of a claim's content a unit must hold.</param>
    /// <param name="translator">Translates claims for sources in the other language (a Chinese answer from an English
    /// manual): a claim then covers a unit through its words' renderings; without one, only values and codes carry it.</param>
    public static VerifiedAnswer Verify(string modelText, IReadOnlyList<PromptSource> sources, UnsupportedSentenceHandling handling, bool chinese, double minCoverage = DefaultMinCoverage, QueryTranslator? translator = null)
    {
        var byNumber = sources.ToDictionary(s => s.Number);
        var units = new Dictionary<int, List<EvidenceUnit>>();
        List<EvidenceUnit> UnitsOf(int n) => units.TryGetValue(n, out var u) ? u : units[n] = EvidenceUnits.Of(byNumber[n]);
        var dropped = new SortedSet<int>();
        var unsupported = new List<UnsupportedSentence>();
        var repaired = new List<RepairedCitation>();
        var kept = new List<(AnswerSentence Sentence, List<EvidenceUnit> Units, bool Flagged)>();
        var sentences = AnswerSentences.Split(modelText.Trim());
        foreach (var sentence in sentences)
        {
            var valid = new List<int>();
            foreach (var n in sentence.Sources)
            {
                if (byNumber.ContainsKey(n))
                {
                    valid.Add(n);
                }
                else
                {
                    dropped.Add(n);
                }
            }

            var (aligned, problem) = Check(sentence.Body, valid, sources.Select(s => s.Number).Where(n => !valid.Contains(n)).ToList(), UnitsOf, minCoverage, repaired, translator);
            if (problem is null)
            {
                kept.Add((sentence, aligned, false));
                continue;
            }

            // A contradiction or a dropped condition is never shown, not even flagged.
            var flag = handling == UnsupportedSentenceHandling.Flag && problem.Value.Reason is not (UnsupportedReason.Contradicted or UnsupportedReason.DroppedCondition);
            unsupported.Add(new UnsupportedSentence(sentence.Body, problem.Value.Reason, problem.Value.Detail, Removed: !flag));
            if (flag)
            {
                kept.Add((sentence, [], true));
            }
        }

        return Render(kept, byNumber, chinese, new VerificationReport
        {
            SentencesChecked = sentences.Count,
            SentencesKept = kept.Count(k => !k.Flagged),
            DroppedMarkers = [.. dropped],
            Unsupported = unsupported,
            Repaired = repaired,
            ModelText = modelText,
        });
    }

    /// <summary>Whether a sentence says the sources do not answer ("未找到…", "The sources do not specify…").</summary>
    public static bool IsNoAnswerStatement(string sentence) => NoAnswer().IsMatch(sentence);

    // Each claim of the sentence must rest on a unit of a cited source, or be repaired to another source's unit.
    private static (List<EvidenceUnit> Aligned, (UnsupportedReason Reason, string Detail)? Problem) Check(
        string body, List<int> cited, List<int> others, Func<int, List<EvidenceUnit>> unitsOf, double minCoverage, List<RepairedCitation> repaired, QueryTranslator? translator)
    {
        if (!StatesSomething(body))
        {
            return ([], null);
        }

        var claims = ClaimSplitter.Split(body);
        if (claims.Count == 0)
        {
            return ([], null);
        }

        if (cited.Count == 0)
        {
            return ([], (UnsupportedReason.NoCitation, "no source cited"));
        }

        var aligned = new List<EvidenceUnit>();
        foreach (var claim in claims)
        {
            var features = ClaimFeatures.Of(claim);
            List<EvidenceUnit> citedUnits = [.. cited.SelectMany(unitsOf)], otherUnits = [.. others.SelectMany(unitsOf)];
            // Translating costs a segmentation per claim: only for sources in the other language.
            if (translator is not null && citedUnits.Concat(otherUnits).Any(u => u.Chinese != features.Chinese))
            {
                features = features with { Translation = translator.Translate(claim, features.Chinese ? DocumentLanguage.En : DocumentLanguage.Zh, []) };
            }

            var verdict = ClaimAlignment.Align(features, citedUnits, minCoverage);
            var elsewhere = ClaimAlignment.Align(features, otherUnits, minCoverage);
            // The unit a claim rests on is the one that says it best, cited or not: a clearly better one elsewhere in
            // the prompt either supports the claim (re-cited there) or shows it contradicts or drops a condition.
            var clearlyBetter = elsewhere.Unit is not null && elsewhere.Coverage >= verdict.Coverage + BetterElsewhere
                && elsewhere.Problem is null or UnsupportedReason.Contradicted or UnsupportedReason.DroppedCondition;
            var failedHere = !verdict.Supported && verdict.Problem is UnsupportedReason.NotInAlignedUnit or UnsupportedReason.NotCovered or UnsupportedReason.NumberNotInSources && elsewhere.Supported;
            if (clearlyBetter || failedHere)
            {
                if (elsewhere.Supported)
                {
                    repaired.Add(new RepairedCitation(claim, cited, elsewhere.Unit!.Source));
                }

                verdict = elsewhere;
            }

            if (!verdict.Supported)
            {
                return ([], (verdict.Problem!.Value, claims.Count > 1 ? $"\"{claim}\": {verdict.Detail}" : verdict.Detail));
            }

            aligned.Add(verdict.Unit!);
        }

        return (aligned, null);
    }

    private static VerifiedAnswer Render(List<(AnswerSentence Sentence, List<EvidenceUnit> Units, bool Flagged)> kept, Dictionary<int, PromptSource> byNumber, bool chinese, VerificationReport report)
    {
        // Renumber in order of first use among the kept, supported sentences; each source is quoted at the first unit a claim rests on.
        var renumber = new Dictionary<int, int>();
        var quoted = new Dictionary<int, EvidenceUnit>();
        foreach (var unit in kept.Where(k => !k.Flagged).SelectMany(k => k.Units))
        {
            if (renumber.TryAdd(unit.Source, renumber.Count + 1))
            {
                quoted[unit.Source] = unit;
            }
        }

        var text = new StringBuilder();
        foreach (var (sentence, aligned, flagged) in kept)
        {
            var numbers = flagged ? [] : aligned.Select(u => renumber[u.Source]).Distinct();
            var body = flagged ? sentence.Body + (chinese ? FlagZh : FlagEn) : sentence.Body;
            text.Append(AnswerSentences.Render(body, numbers, chinese)).Append(sentence.Separator.Length > 0 ? sentence.Separator : chinese ? "" : " ");
        }

        var citations = renumber.OrderBy(p => p.Value).Select(p => Cite(p.Value, byNumber[p.Key], quoted[p.Key])).ToList();
        return new VerifiedAnswer(citations.Count == 0 ? "" : text.ToString().Trim(), citations, report);
    }

    // Lead-ins ("The steps are:"), separators and "the sources do not say" statements assert nothing to cite; a lead-in
    // that carries a value, a code, a prohibition or a condition, or much content, is a claim.
    private static bool StatesSomething(string body)
    {
        if (!body.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        var trimmed = body.TrimEnd();
        if (trimmed.EndsWith(':') || trimmed.EndsWith('：'))
        {
            return Quantities.In(trimmed).Count > 0 || ClaimIdentifiers.Of(trimmed).Count > 0 || Modality.Forbids(trimmed) || Modality.Conditions(trimmed) || Content.Grams(trimmed).Count > 8;
        }

        return true;
    }

    private static Citation Cite(int number, PromptSource source, EvidenceUnit unit)
    {
        var hit = source.Hit;
        var citation = Citation.From(number, hit, unit.Text);
        if (unit.IsTableRow && hit.Chunk.TableRows is { } rows)
        {
            citation = citation with { TableLabel = hit.Chunk.TableLabel, TableRows = (rows.First + unit.Index, rows.First + unit.Index) };
        }

        return citation;
    }

    [GeneratedRegex(@"未找到|没有找到|未(提供|包含|提及|说明|规定)|没有(提供|包含|提及|说明|规定|相关)|不包含|无法(回答|确定|从)|\b(do|does|did)\s+not\s+(contain|answer|say|state|mention|specify|provide|include|cover)|\bno\s+(information|answer|mention)\b|\bnot\s+(found|mentioned|stated|specified|covered)\b|\bcannot\s+(answer|find|determine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoAnswer();
}
