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

    public async Task<SetReport> RunAsync(QuestionSet set, CancellationToken cancellationToken = default)
    {
        var matcher = new GoldMatcher(set.CorpusDirectory);
        var answerable = set.Questions.Where(q => q.Answerable && q.Gold.Count > 0).ToList();
        var results = new Dictionary<string, List<QuestionResult>>();

        // Warm-up: the first search loads the embedding model and the vectors; keep that out of the latencies.
        await retriever.SearchAsync(new SearchRequest(set.Questions.Count > 0 ? set.Questions[0].Question : "warm-up"), cancellationToken).ConfigureAwait(false);

        foreach (var (name, lanes) in Variants)
        {
            var variant = new List<QuestionResult>(answerable.Count);
            foreach (var q in answerable)
            {
                var clock = Stopwatch.StartNew();
                var hits = (await retriever.SearchAsync(new SearchRequest(q.Question) { K = Depth, Lanes = lanes }, cancellationToken).ConfigureAwait(false)).Hits;
                var elapsed = clock.Elapsed.TotalMilliseconds;
                variant.Add(new QuestionResult(q, hits.Select(h => (IReadOnlyList<string>)matcher.Matches(q.Units, h.Chunk, h.Document).ToList()).ToList(), elapsed));
            }

            results[name] = variant;
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
        var (answers, records) = await AnswerAsync(set, matcher, misses, cancellationToken).ConfigureAwait(false);
        return new SetReport(set.Name, set.Questions.Count, set.CorpusDirectory, names.Select(n => VariantSummary.Of(n, results[n])).ToList(), byType, answers, misses) { Records = records };
    }

    private async Task<(AnswerSummary Summary, List<AnswerRecord> Records)> AnswerAsync(QuestionSet set, GoldMatcher matcher, List<string> misses, CancellationToken cancellationToken)
    {
        var options = answerer.Options;
        var records = new List<AnswerRecord>();
        int citations = 0, valid = 0;
        var latencies = new List<double>();
        foreach (var question in set.Questions)
        {
            // One retrieval per question: the product's answer and the record are made from the same assessment.
            var clock = Stopwatch.StartNew();
            var assessment = await answerer.AssessAsync(question.Question, cancellationToken: cancellationToken).ConfigureAwait(false);
            var answer = answerer.Compose(assessment);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            citations += answer.Citations.Count;
            var problems = CitationVerifier.Problems(answer, ChunkById);
            valid += answer.Citations.Count(c => !problems.Any(p => p.StartsWith($"[{c.Number}]", StringComparison.Ordinal)));

            var record = Record(set.Name, question, question.Answerable ? "answerable" : "unanswerable", assessment, options, matcher);
            records.Add(record);
            var outcome = assessment.Outcome(options);
            if (question.Answerable && (outcome == AnswerOutcome.NotFound || (outcome == AnswerOutcome.Answered && !record.AnsweredCites)))
            {
                misses.Add($"{question.Id} ({question.Type}): {outcome}{(outcome == AnswerOutcome.Answered ? " without a gold citation" : "")}, p {assessment.Probability:0.00}");
            }
            else if (!question.Answerable && outcome == AnswerOutcome.Answered)
            {
                misses.Add($"{question.Id} ({question.Type}): unanswerable but answered, p {assessment.Probability:0.00}");
            }
        }

        // Passage-level sets (every gold unit a whole document or a quote in one) also ask each answerable question
        // with its gold documents filtered out: the answer is then absent, so it must not be "answered".
        if (set.Questions.All(q => q.Gold.All(g => g.Article is null && g.Page is null)))
        {
            var documents = retriever.Index.ListDocuments();
            foreach (var question in set.Questions.Where(q => q.Answerable && q.Gold.Count > 0))
            {
                var others = documents.Where(d => !question.Gold.Any(g => matcher.IsDocument(g, d))).Select(d => d.Id).ToList();
                var assessment = await answerer.AssessAsync(question.Question, SearchFilter.None with { DocumentIds = others }, cancellationToken: cancellationToken).ConfigureAwait(false);
                records.Add(Record(set.Name, question, "gold-removed", assessment, options, matcher));
            }
        }

        latencies.Sort();
        var summary = AnswerSummary.Of(records, r => r.Outcome(r.Probability, options.GateThreshold, options.AnswerThreshold), citations, valid, VariantSummary.Percentile(latencies, 0.5), VariantSummary.Percentile(latencies, 0.95));
        return (summary, records);
    }

    private AnswerRecord Record(string set, EvalQuestion question, string kind, AnswerAssessment assessment, AnsweringOptions options, GoldMatcher matcher)
    {
        bool Cites(Answer answer) => kind == "answerable" && answer.Citations.Any(c => ChunkById(c.ChunkId) is { } chunk && retriever.Document(chunk.DocumentId) is { } document && matcher.Matches(question.Units, chunk, document).Any());
        var hasHits = assessment.Response.Hits.Count > 0;
        return new AnswerRecord(set, question.Id, kind, assessment.Signals.Vector(), assessment.Probability, hasHits && Cites(assessment.AsAnswered(options)), hasHits && Cites(assessment.AsClosest(options)), hasHits);
    }

    private Chunk? ChunkById(string chunkId)
    {
        var documentId = chunkId[..chunkId.IndexOf('#', StringComparison.Ordinal)];
        return retriever.Index.GetChunks(documentId).FirstOrDefault(c => c.Id == chunkId);
    }

    private static string Language(EvalQuestion q) =>
        q.Lang is "zh" or "en" ? q.Lang : Core.Ingestion.Metadata.LanguageDetector.Detect(q.Question) == DocumentLanguage.En ? "en" : "zh";
}
