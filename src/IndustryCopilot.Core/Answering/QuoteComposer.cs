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
    /// <summary>The sentences that cover the question's key terms best, as the answer.</summary>
    public static Answer Answered(string question, DocumentLanguage language, List<RetrievedChunk> hits, IReadOnlyDictionary<string, double> weights, int maxSentences, PassageUnits passages)
    {
        var units = hits.SelectMany((h, rank) => passages.Of(h, rank)).ToList();
        // Every citation names its document, so a question's words that only name the document ("AC-37 compressor")
        // need no sentence to cover them; otherwise the scope statement that repeats the title beats the clause that answers.
        var named = hits.Select(h => EvidenceJudge.WithStems(LexicalAnalyzer.Terms($"{h.Document.Title} {h.Document.DocumentNumber}"))).ToList();
        var chosen = Choose(units, weights, named, maxSentences);
        var zh = language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var (text, citations) = Quote(zh ? "根据知识库文件原文：" : "From the indexed documents:", zh, hits, chosen);
        return new Answer { Question = question, Text = text, Mode = AnswerMode.Quote, Outcome = AnswerOutcome.Answered, Language = language, Citations = citations };
    }

    /// <summary>
    /// No claim of an answer: a label saying no direct answer was found, then the best-covering sentence (or row) of
    /// each of the top passages, verbatim and cited.
    /// </summary>
    public static Answer Closest(string question, DocumentLanguage language, List<RetrievedChunk> hits, IReadOnlyDictionary<string, double> weights, PassageUnits passages)
    {
        var chosen = new List<QuoteUnit>();
        for (var rank = 0; rank < hits.Count; rank++)
        {
            var units = passages.Of(hits[rank], rank);
            if (units.Count > 0)
            {
                // The unit holding the most key-term weight; the passage's first when none holds any.
                var gains = units.ConvertAll(u => Gain(u, weights, None, None));
                chosen.Add(units[gains.IndexOf(gains.Max())]);
            }
        }

        var zh = language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var (text, citations) = Quote(zh ? ClosestLabelZh : ClosestLabelEn, zh, hits, chosen);
        return new Answer { Question = question, Text = text, Mode = AnswerMode.Quote, Outcome = AnswerOutcome.Closest, Language = language, Citations = citations };
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

    private static (string Text, List<Citation> Citations) Quote(string framing, bool zh, List<RetrievedChunk> hits, List<QuoteUnit> chosen)
    {
        var text = new StringBuilder(framing).Append('\n');
        var citations = new List<Citation>();
        foreach (var group in chosen.GroupBy(u => u.HitRank).OrderBy(g => g.Key))
        {
            var hit = hits[group.Key];
            var ordered = group.OrderBy(u => u.Index).ToList();
            if (ordered[0].IsTableRow)
            {
                text.Append(QuoteUnits.TableHeader(hit.Chunk.Text)).Append('\n');
            }

            // Neighbouring units of one chunk form one quote with one number.
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

            // A quote in the other language than the question says so before it: the technician must know they are
            // reading the English manual's words (or the Chinese standard's), not a translation.
            if (OtherLanguage(zh, hit.Document.Language))
            {
                text.Append(zh ? OtherLanguageLabelZh : OtherLanguageLabelEn).Append('\n');
            }

            foreach (var run in runs)
            {
                var quote = hit.Chunk.Text[run[0].Start..run[^1].End];
                var number = citations.Count + 1;
                var citation = Citation.From(number, hit, quote);
                if (run[0].IsTableRow && hit.Chunk.TableRows is { } rows)
                {
                    citation = citation with { TableLabel = hit.Chunk.TableLabel, TableRows = (rows.First + run[0].Index, rows.First + run[^1].Index) };
                }

                citations.Add(citation);
                text.Append(quote).Append(run[0].IsTableRow ? "\n" : zh ? "" : " ").Append('[').Append(number).Append(']').Append('\n');
            }
        }

        return (text.ToString().TrimEnd(), citations);
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
            covered.UnionWith(weights.Keys.Where(k => pick.Terms.Contains(k) || pick.Terms.Contains(EnglishStemmer.Stem(k))));
        }

        if (chosen.Count == 0 && units.Count > 0)
        {
            chosen.Add(units[0]);
        }

        return chosen;
    }

    private static double Gain(QuoteUnit unit, IReadOnlyDictionary<string, double> weights, HashSet<string> covered, HashSet<string> named) =>
        weights.Where(w => !covered.Contains(w.Key) && !named.Contains(w.Key) && (unit.Terms.Contains(w.Key) || unit.Terms.Contains(EnglishStemmer.Stem(w.Key)))).Sum(w => w.Value);
}
