using System.Text;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// Checks a model's answer against the sources it was given, before anyone sees it: markers [n] pointing to no source
/// are dropped; every sentence that states something must cite a source; every number with its unit must occur in a
/// source the sentence cites. Failing sentences are removed (or flagged, if so configured and the question is not
/// safety-critical). Surviving markers are renumbered 1, 2, … in order of first use, each with a citation quoting the
/// sentence (or table row) of its source closest to what was said.
/// </summary>
public static partial class GeneratedAnswerVerifier
{
    private const string FlagZh = "（未经来源证实）";
    private const string FlagEn = " (not verified against the sources)";

    public static VerifiedAnswer Verify(string modelText, IReadOnlyList<PromptSource> sources, UnsupportedSentenceHandling handling, bool chinese)
    {
        var byNumber = sources.ToDictionary(s => s.Number);
        var normalized = new Dictionary<int, string>();
        var dropped = new SortedSet<int>();
        var unsupported = new List<UnsupportedSentence>();
        var kept = new List<(AnswerSentence Sentence, List<int> Sources, bool Flagged)>();
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

            var problem = Check(sentence.Body, valid, byNumber, normalized);
            if (problem is null)
            {
                kept.Add((sentence, valid, false));
                continue;
            }

            var flag = handling == UnsupportedSentenceHandling.Flag;
            unsupported.Add(new UnsupportedSentence(sentence.Body, problem.Value.Reason, problem.Value.Detail, Removed: !flag));
            if (flag)
            {
                kept.Add((sentence, valid, true));
            }
        }

        // Renumber in order of first use among the kept, supported sentences.
        var renumber = new Dictionary<int, int>();
        foreach (var (_, cited, flagged) in kept)
        {
            foreach (var n in cited.Where(_ => !flagged))
            {
                renumber.TryAdd(n, renumber.Count + 1);
            }
        }

        var text = new StringBuilder();
        foreach (var (sentence, cited, flagged) in kept)
        {
            var numbers = flagged ? [] : cited.Select(n => renumber[n]);
            var body = flagged ? sentence.Body + (chinese ? FlagZh : FlagEn) : sentence.Body;
            text.Append(AnswerSentences.Render(body, numbers, chinese)).Append(sentence.Separator.Length > 0 ? sentence.Separator : chinese ? "" : " ");
        }

        var citations = renumber.OrderBy(p => p.Value)
            .Select(p => Cite(p.Value, byNumber[p.Key], kept.Where(k => !k.Flagged && k.Sources.Contains(p.Key)).Select(k => k.Sentence.Body)))
            .ToList();
        var report = new VerificationReport
        {
            SentencesChecked = sentences.Count,
            SentencesKept = kept.Count(k => !k.Flagged),
            DroppedMarkers = [.. dropped],
            Unsupported = unsupported,
            ModelText = modelText,
        };
        return new VerifiedAnswer(citations.Count == 0 ? "" : text.ToString().Trim(), citations, report);
    }

    /// <summary>Whether a sentence says the sources do not answer ("未找到…", "The sources do not specify…").</summary>
    public static bool IsNoAnswerStatement(string sentence) => NoAnswer().IsMatch(sentence);

    private static (UnsupportedReason Reason, string Detail)? Check(string body, List<int> cited, Dictionary<int, PromptSource> sources, Dictionary<int, string> normalized)
    {
        if (!StatesSomething(body))
        {
            return null;
        }

        if (cited.Count == 0)
        {
            return (UnsupportedReason.NoCitation, "no source cited");
        }

        var texts = cited.Select(n => normalized.TryGetValue(n, out var t) ? t : normalized[n] = NumberClaims.Normalize(sources[n].Hit.Chunk.Text)).ToList();
        if (NumberClaims.FirstUnstated(body, texts) is { } missing)
        {
            return (UnsupportedReason.NumberNotInSources, $"'{missing}' is not in {string.Concat(cited.Select(n => $"[{n}]"))}");
        }

        return null;
    }

    // Lead-ins ("The steps are:"), separators and "the sources do not say" statements assert nothing to cite.
    private static bool StatesSomething(string body)
    {
        if (!body.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        var trimmed = body.TrimEnd();
        if ((trimmed.EndsWith(':') || trimmed.EndsWith('：')) && !trimmed.Any(char.IsDigit))
        {
            return false;
        }

        return trimmed.Any(char.IsDigit) || !IsNoAnswerStatement(body);
    }

    private static Citation Cite(int number, PromptSource source, IEnumerable<string> claims)
    {
        var hit = source.Hit;
        var isTable = hit.Chunk.Kind == Documents.ChunkKind.Table;
        var units = QuoteUnits.Of(0, hit.Chunk.Text, isTable);
        var said = EvidenceJudge.WithStems(LexicalAnalyzer.Terms(string.Join(" ", claims)));
        var best = units.OrderByDescending(u => u.Terms.Count(said.Contains)).ThenBy(u => u.Index).FirstOrDefault();
        var citation = Citation.From(number, hit, best is null ? hit.Chunk.Text : hit.Chunk.Text[best.Start..best.End]);
        if (best is { IsTableRow: true } && hit.Chunk.TableRows is { } rows)
        {
            citation = citation with { TableLabel = hit.Chunk.TableLabel, TableRows = (rows.First + best.Index, rows.First + best.Index) };
        }

        return citation;
    }

    [GeneratedRegex(@"未找到|没有找到|未(提供|包含|提及|说明|规定)|没有(提供|包含|提及|说明|规定|相关)|不包含|无法(回答|确定|从)|\b(do|does|did)\s+not\s+(contain|answer|say|state|mention|specify|provide|include|cover)|\bno\s+(information|answer|mention)\b|\bnot\s+(found|mentioned|stated|specified|covered)\b|\bcannot\s+(answer|find|determine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoAnswer();
}
