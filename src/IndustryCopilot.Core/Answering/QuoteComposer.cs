using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Writes quote-mode answers from passages: verbatim sentences or table rows (with the table's header), each followed
/// by its [n], and not a word of its own beyond the framing line.
/// </summary>
internal static class QuoteComposer
{
    /// <summary>The sentences that cover the question's key terms best, as the answer, each widened to its whole clause or qualifier rows.</summary>
    public static Answer Answered(string question, DocumentLanguage language, List<RetrievedChunk> hits, IReadOnlyDictionary<string, double> weights, int maxSentences, PassageUnits passages)
    {
        var units = hits.SelectMany((h, rank) => passages.Of(h, rank)).ToList();
        var named = Named(hits);
        var chosen = Choose(units, weights, named, maxSentences);
        var zh = language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var quoted = Quote(zh ? "根据知识库文件原文：" : "From the indexed documents:", zh, question, hits, chosen, weights, passages, _ => true);
        return new Answer { Question = question, Text = quoted.Text, Mode = AnswerMode.Quote, Outcome = AnswerOutcome.Answered, Language = language, Citations = quoted.Citations, Choice = quoted.Choice };
    }

    /// <summary>
    /// No claim of an answer: a label saying no direct answer was found, then the best-covering sentence (or row) of
    /// each passage that still holds the question's words (cut where that drops below half the best, unless it holds a
    /// question word the others do not), the first one
    /// widened to its whole clause; and, in plain words, why it is not confirmed.
    /// </summary>
    public static Answer Closest(string question, DocumentLanguage language, List<RetrievedChunk> hits, IReadOnlyDictionary<string, double> weights, PassageUnits passages)
    {
        var best = new List<(QuoteUnit Unit, double Gain)>();
        for (var rank = 0; rank < hits.Count; rank++)
        {
            var units = passages.Of(hits[rank], rank);
            if (units.Count > 0)
            {
                // The unit holding the most key-term weight; the passage's first when none holds any.
                var gains = units.ConvertAll(u => Gain(u, weights, None, None));
                best.Add((units[gains.IndexOf(gains.Max())], gains.Max()));
            }
        }

        // A passage after the first is kept when it holds at least half the best one's key-term weight, or a key term
        // no kept passage holds (another part of the question); the rest — a scope clause, an unrelated table — is noise.
        var top = best.Count == 0 ? 0 : best.Max(b => b.Gain);
        var chosen = new List<QuoteUnit>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var named = Named(hits);
        foreach (var (unit, gain) in best)
        {
            // Words that only name the document ("compressor" of the AC-37 compressor manual) are no other part of the question.
            var adds = weights.Keys.Any(k => !covered.Contains(k) && !named[unit.HitRank].Contains(k) && EvidenceJudge.Holds(unit.Terms, k));
            if (chosen.Count == 0 || (top > 0 && (gain >= top / 2 || adds)))
            {
                chosen.Add(unit);
                covered.UnionWith(weights.Keys.Where(k => EvidenceJudge.Holds(unit.Terms, k)));
            }
        }

        var zh = language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var quoted = Quote(zh ? ClosestLabelZh : ClosestLabelEn, zh, question, hits, chosen, weights, passages, rank => rank == chosen[0].HitRank);
        var first = chosen.Count == 0 ? [] : passages.Of(hits[chosen[0].HitRank], chosen[0].HitRank).SelectMany(u => u.Terms).ToHashSet(StringComparer.Ordinal);
        var firstNamed = chosen.Count == 0 ? None : named[chosen[0].HitRank];
        return new Answer
        {
            Question = question, Text = quoted.Text, Mode = AnswerMode.Quote, Outcome = AnswerOutcome.Closest, Language = language, Citations = quoted.Citations,
            Choice = quoted.Choice, Reason = ClosestReason.Of(question, zh, first, weights, firstNamed),
        };
    }

    private static readonly HashSet<string> None = [];

    /// <summary>The line before a quote from an English document in a Chinese answer.</summary>
    public const string OtherLanguageLabelZh = "（英文原文）";

    /// <summary>The line before a quote from a Chinese document in an English answer.</summary>
    public const string OtherLanguageLabelEn = "(original in Chinese)";

    private static bool OtherLanguage(bool zhQuestion, DocumentLanguage document) =>
        zhQuestion ? document == DocumentLanguage.En : document == DocumentLanguage.Zh;

    /// <summary>The first line of a closest-passages answer in Chinese.</summary>
    public const string ClosestLabelZh = "未能确认直接答案，以下条款最相关：";

    /// <summary>The first line of a closest-passages answer in English.</summary>
    public const string ClosestLabelEn = "No direct answer found; the closest passages are:";

    // Every citation names its document, so a question's words that only name the document ("AC-37 compressor")
    // need no sentence to cover them; otherwise the scope statement that repeats the title beats the clause that answers.
    private static List<HashSet<string>> Named(List<RetrievedChunk> hits) =>
        hits.Select(h => EvidenceJudge.WithStems(LexicalAnalyzer.Terms($"{h.Document.Title} {h.Document.DocumentNumber}"))).ToList();

    private static QuotedPassages Quote(string framing, bool zh, string question, List<RetrievedChunk> hits, List<QuoteUnit> chosen, IReadOnlyDictionary<string, double> weights, PassageUnits passages, Func<int, bool> widen)
    {
        var text = new StringBuilder(framing).Append('\n');
        var citations = new List<Citation>();
        string? choice = null;
        foreach (var group in chosen.GroupBy(u => u.HitRank).OrderBy(g => g.Key))
        {
            var hit = hits[group.Key];
            var picked = group.OrderBy(u => u.Index).ToList();
            var ordered = widen(group.Key) ? QuoteExtent.Widen(hit.Chunk, passages.Of(hit, group.Key), picked, weights) : picked;
            var pickedIndexes = picked.Select(u => u.Index).ToHashSet();
            var valueColumn = ordered[0].IsTableRow ? QuoteHighlights.ValueColumn(hit.Chunk.Text, question, weights) : -1;
            // A quote in the other language than the question says so before it: the technician must know they are
            // reading the English manual's words (or the Chinese standard's), not a translation.
            if (OtherLanguage(zh, hit.Document.Language))
            {
                text.Append(zh ? OtherLanguageLabelZh : OtherLanguageLabelEn).Append('\n');
            }

            if (ordered[0].IsTableRow)
            {
                text.Append(QuoteUnits.TableHeader(hit.Chunk.Text)).Append('\n');
                if (choice is null && QuoteExtent.Qualifier(hit.Chunk.Text, ordered, valueColumn) is { } qualifier)
                {
                    choice = ChoiceText(zh, qualifier, ordered.Count);
                }
            }

            foreach (var run in Runs(ordered))
            {
                var quote = hit.Chunk.Text[run[0].Start..run[^1].End];
                var number = citations.Count + 1;
                var citation = Citation.From(number, hit, quote) with { Highlights = QuoteHighlights.Of(question, quote, run, pickedIndexes, valueColumn) };
                if (run[0].IsTableRow && hit.Chunk.TableRows is { } rows)
                {
                    citation = citation with { TableLabel = hit.Chunk.TableLabel, TableRows = (rows.First + run[0].Index, rows.First + run[^1].Index) };
                }

                citations.Add(citation);
                text.Append(quote).Append(run[0].IsTableRow ? "\n" : zh ? "" : " ").Append('[').Append(number).Append(']').Append('\n');
            }
        }

        return new QuotedPassages(text.ToString().TrimEnd(), citations, choice);
    }

    // Neighbouring units of one chunk form one quote with one number.
    private static List<List<QuoteUnit>> Runs(List<QuoteUnit> ordered)
    {
        var runs = new List<List<QuoteUnit>>();
        foreach (var unit in ordered)
        {
            if (runs.Count > 0 && runs[^1][^1].Index + 1 == unit.Index)
            {
                runs[^1].Add(unit);
            }
            else
            {
                runs.Add([unit]);
            }
        }

        return runs;
    }

    private static string ChoiceText(bool zh, (string Column, List<string> Values, string Key) qualifier, int rows)
    {
        var values = string.Join(zh ? "、" : ", ", qualifier.Values);
        var key = qualifier.Key.Length > 0 ? qualifier.Key + " " : "";
        return zh
            ? $"表中 {key}有 {rows} 行，按“{qualifier.Column}”区分（{values}）。是哪一种？请按实际的“{qualifier.Column}”取对应行。"
            : $"The table has {rows} rows for {key}that differ in “{qualifier.Column}” ({values}). Which one is it? Take the row of the actual “{qualifier.Column}”.";
    }

    // Greedy cover: each pick adds the most not-yet-covered key-term weight, nearer the top of the ranking preferred.
    private static List<QuoteUnit> Choose(List<QuoteUnit> units, IReadOnlyDictionary<string, double> weights, List<HashSet<string>> named, int maxSentences)
    {
        var chosen = new List<QuoteUnit>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < maxSentences)
        {
            QuoteUnit? pick = null;
            double pickGain = 0;
            foreach (var unit in units)
            {
                if (chosen.Contains(unit))
                {
                    continue;
                }

                var gain = Gain(unit, weights, covered, named[unit.HitRank]) / (1 + (0.25 * unit.HitRank));
                if (gain > pickGain + 1e-9)
                {
                    pick = unit;
                    pickGain = gain;
                }
            }

            if (pick is null)
            {
                break;
            }

            chosen.Add(pick);
            covered.UnionWith(weights.Keys.Where(k => EvidenceJudge.Holds(pick.Terms, k)));
        }

        if (chosen.Count == 0 && units.Count > 0)
        {
            chosen.Add(units[0]);
        }

        return chosen;
    }

    private static double Gain(QuoteUnit unit, IReadOnlyDictionary<string, double> weights, HashSet<string> covered, HashSet<string> named) =>
        weights.Where(w => !covered.Contains(w.Key) && !named.Contains(w.Key) && EvidenceJudge.Holds(unit.Terms, w.Key)).Sum(w => w.Value);
}
