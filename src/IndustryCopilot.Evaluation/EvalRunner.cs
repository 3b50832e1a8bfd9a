using System.Diagnostics;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Evaluation.Baseline;
using IndustryCopilot.Evaluation.Metrics;
using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation;

/// <summary>
/// Runs a question set against every retrieval variant side by side in one process — <c>lexical</c>, <c>dense</c>,
/// <c>hybrid</c> (lexical + dense), <c>hybrid+id</c> (the product) and <c>lucene-bm25</c> — and quote-mode answering
/// for refusal and citation validity.
/// </summary>
public sealed class EvalRunner(HybridRetriever retriever, QuoteAnswerer answerer, LuceneBaseline baseline)
{
    public const int Depth = 10;

    public static readonly IReadOnlyList<(string Name, SearchLanes Lanes)> Variants =
    [
        ("lexical", SearchLanes.Lexical),
        ("dense", SearchLanes.Dense),
        ("hybrid", SearchLanes.Hybrid),
        ("hybrid+id", SearchLanes.All),
    ];

    public const string Baseline = "lucene-bm25";

    public SetReport Run(QuestionSet set)
    {
        var matcher = new GoldMatcher(set.CorpusDirectory);
        var answerable = set.Questions.Where(q => q.Answerable && q.Gold.Count > 0).ToList();
        var results = new Dictionary<string, List<QuestionResult>>();

        // Warm-up: the first search loads the embedding model and the vectors; keep that out of the latencies.
        retriever.Search(new SearchRequest(set.Questions.Count > 0 ? set.Questions[0].Question : "warm-up"));

        foreach (var (name, lanes) in Variants)
        {
            results[name] = answerable.Select(q =>
            {
                var clock = Stopwatch.StartNew();
                var hits = retriever.Search(new SearchRequest(q.Question) { K = Depth, Lanes = lanes }).Hits;
                var elapsed = clock.Elapsed.TotalMilliseconds;
                return new QuestionResult(q, hits.Select(h => (IReadOnlyList<string>)matcher.Matches(q.Units, h.Chunk, h.Document).ToList()).ToList(), elapsed);
            }).ToList();
        }

        results[Baseline] = answerable.Select(q =>
        {
            var clock = Stopwatch.StartNew();
            var rows = baseline.Search(q.Question, Language(q), Depth);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var chunks = retriever.Index.GetChunksByRowId(rows.Select(r => r.RowId).ToList());
            return new QuestionResult(q, chunks.Select(c => (IReadOnlyList<string>)matcher.Matches(q.Units, c.Chunk, retriever.Document(c.Chunk.DocumentId)!).ToList()).ToList(), elapsed);
        }).ToList();

        var names = Variants.Select(v => v.Name).Append(Baseline).ToList();
        var byType = answerable.Select(q => q.Type).Distinct().Order(StringComparer.Ordinal).ToDictionary(
            t => t,
            t => (IReadOnlyList<VariantSummary>)names.Select(n => VariantSummary.Of(n, results[n].Where(r => r.Question.Type == t).ToList())).ToList());
        var misses = results["hybrid+id"].Zip(results[Baseline]).Where(p => p.First.Recall(5) < 1 || p.Second.Recall(5) < 1)
            .Select(p => $"{p.First.Question.Id} ({p.First.Question.Type}): recall@5 {p.First.Recall(5):0.##}, rr {p.First.ReciprocalRank():0.##}; {Baseline} recall@5 {p.Second.Recall(5):0.##}, rr {p.Second.ReciprocalRank():0.##}").ToList();
        var answers = Answer(set, misses);
        return new SetReport(set.Name, set.Questions.Count, set.CorpusDirectory, names.Select(n => VariantSummary.Of(n, results[n])).ToList(), byType, answers, misses);
    }

    private AnswerSummary Answer(QuestionSet set, List<string> misses)
    {
        int unanswerable = 0, refusedUnanswerable = 0, answerable = 0, refusedAnswerable = 0, citations = 0, valid = 0;
        var latencies = new List<double>();
        foreach (var question in set.Questions)
        {
            var answer = answerer.Ask(question.Question);
            latencies.Add(answer.TimingsMs["total"]);
            var refused = answer.Mode == AnswerMode.Refused;
            if (question.Answerable)
            {
                answerable++;
                refusedAnswerable += refused ? 1 : 0;
                if (refused)
                {
                    misses.Add($"{question.Id} ({question.Type}): wrongly refused, support {answer.Support:0.00}");
                }
            }
            else
            {
                unanswerable++;
                refusedUnanswerable += refused ? 1 : 0;
                if (!refused)
                {
                    misses.Add($"{question.Id} ({question.Type}): answered, support {answer.Support:0.00}");
                }
            }

            citations += answer.Citations.Count;
            var problems = CitationVerifier.Problems(answer, ChunkById);
            valid += answer.Citations.Count(c => !problems.Any(p => p.StartsWith($"[{c.Number}]", StringComparison.Ordinal)));
        }

        latencies.Sort();
        return new AnswerSummary(unanswerable, refusedUnanswerable, answerable, refusedAnswerable, citations, valid, VariantSummary.Percentile(latencies, 0.5), VariantSummary.Percentile(latencies, 0.95));
    }

    private Chunk? ChunkById(string chunkId)
    {
        var documentId = chunkId[..chunkId.IndexOf('#', StringComparison.Ordinal)];
        return retriever.Index.GetChunks(documentId).FirstOrDefault(c => c.Id == chunkId);
    }

    private static string Language(EvalQuestion q) =>
        q.Lang is "zh" or "en" ? q.Lang : Core.Ingestion.Metadata.LanguageDetector.Detect(q.Question) == DocumentLanguage.En ? "en" : "zh";
}
