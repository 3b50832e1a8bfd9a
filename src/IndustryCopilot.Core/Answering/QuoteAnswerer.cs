using System.Diagnostics;
using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Answers without a language model: retrieve, judge whether the evidence answers the question, then quote the
/// sentences (or table rows) that cover the question's key terms best, each followed by its [n]. Refuses — and names
/// the closest documents — when the evidence is too thin. Never writes a word of its own beyond the framing line.
/// </summary>
public sealed class QuoteAnswerer
{
    private readonly HybridRetriever _retriever;
    private readonly AnsweringOptions _options;
    private readonly EvidenceJudge _judge;

    public QuoteAnswerer(HybridRetriever retriever, AnsweringOptions options)
    {
        options.Validate();
        _retriever = retriever;
        _options = options;
        _judge = new EvidenceJudge(retriever.Index);
    }

    /// <param name="question">The question.</param>
    /// <param name="filter">The caller's document filter (access groups included).</param>
    /// <param name="lanes">The retrieval lanes to run.</param>
    /// <param name="queryVector">The question's embedding, when computed already (see <see cref="HybridRetriever.EmbedQuery"/>).</param>
    public Answer Ask(string question, SearchFilter? filter = null, SearchLanes lanes = SearchLanes.All, float[]? queryVector = null)
    {
        var clock = Stopwatch.StartNew();
        var timings = new Dictionary<string, double>();
        var response = _retriever.Search(new SearchRequest(question) { K = _options.EvidenceChunks, Filter = filter ?? SearchFilter.None, Lanes = lanes, QueryVector = queryVector });
        timings["retrieve"] = clock.Elapsed.TotalMilliseconds;
        clock.Restart();

        var query = response.Query;
        var weights = _judge.Weights(query);
        var (support, best, identifiersFound) = EvidenceJudge.Judge(query, response.Hits, weights);
        timings["judge"] = clock.Elapsed.TotalMilliseconds;
        clock.Restart();

        Answer answer;
        if (best is null || support < _options.MinSupport || !identifiersFound)
        {
            answer = Refusal.For(question, query.Language, response.Hits, support);
        }
        else
        {
            var quoted = response.Hits.Take(_options.QuoteChunks).ToList();
            if (!quoted.Contains(best))
            {
                quoted.Insert(0, best);
            }

            answer = Compose(question, query.Language, quoted, weights, support);
        }

        timings["compose"] = clock.Elapsed.TotalMilliseconds;
        timings["total"] = timings.Values.Sum();
        return answer with { TimingsMs = timings };
    }

    private Answer Compose(string question, DocumentLanguage language, List<RetrievedChunk> hits, Dictionary<string, double> weights, double support)
    {
        var units = hits.SelectMany((h, rank) => QuoteUnits.Of(rank, h.Chunk.Text, h.Chunk.Kind == ChunkKind.Table)).ToList();
        // Every citation names its document, so a question's words that only name the document ("AC-37 compressor")
        // need no sentence to cover them; otherwise the scope statement that repeats the title beats the clause that answers.
        var named = hits.Select(h => EvidenceJudge.WithStems(Index.Lexical.LexicalAnalyzer.Terms($"{h.Document.Title} {h.Document.DocumentNumber}"))).ToList();
        var chosen = Choose(units, weights, named);
        var zh = language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var text = new StringBuilder(zh ? "根据知识库文件原文：\n" : "From the indexed documents:\n");
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

        return new Answer
        {
            Question = question,
            Text = text.ToString().TrimEnd(),
            Mode = AnswerMode.Quote,
            Language = language,
            Citations = citations,
            Support = support,
        };
    }

    // Greedy cover: each pick adds the most not-yet-covered key-term weight, nearer the top of the ranking preferred.
    private List<QuoteUnit> Choose(List<QuoteUnit> units, Dictionary<string, double> weights, List<HashSet<string>> named)
    {
        var chosen = new List<QuoteUnit>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < _options.MaxSentences)
        {
            QuoteUnit? pick = null;
            double pickGain = 0;
            foreach (var unit in units)
            {
                if (chosen.Contains(unit))
                {
                    continue;
                }

                var gain = weights.Where(w => !covered.Contains(w.Key) && !named[unit.HitRank].Contains(w.Key) && (unit.Terms.Contains(w.Key) || unit.Terms.Contains(EnglishStemmer.Stem(w.Key)))).Sum(w => w.Value) / (1 + (0.25 * unit.HitRank));
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
}
