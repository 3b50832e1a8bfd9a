using System.Diagnostics;
using IndustryCopilot.Core.Answering.Answerability;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Answers without a language model: retrieve, judge answerability, then one of three outcomes — the sentences (or
/// table rows) that cover the question's key terms best as the answer; the closest passages under a label that says
/// no direct answer was found; or "not found" when nothing relevant was retrieved. Never writes a word of its own
/// beyond the framing line.
/// </summary>
public sealed class QuoteAnswerer
{
    private readonly HybridRetriever _retriever;
    private readonly AnsweringOptions _options;
    private readonly EvidenceJudge _judge;
    private readonly AnswerabilityModel _model;

    public QuoteAnswerer(HybridRetriever retriever, AnsweringOptions options, AnswerabilityModel? model = null)
    {
        options.Validate();
        _model = model ?? AnswerabilityModel.Default;
        _model.Validate();
        _retriever = retriever;
        _options = options;
        _judge = new EvidenceJudge(retriever.Index);
    }

    public AnsweringOptions Options => _options;

    /// <param name="question">The question.</param>
    /// <param name="filter">The caller's document filter (access groups included).</param>
    /// <param name="lanes">The retrieval lanes to run.</param>
    /// <param name="queryVector">The question's embedding, when computed already (see <see cref="HybridRetriever.EmbedQueryAsync"/>).</param>
    /// <param name="cancellationToken">The caller's.</param>
    public async Task<Answer> AskAsync(string question, SearchFilter? filter = null, SearchLanes lanes = SearchLanes.All, float[]? queryVector = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var assessment = await AssessAsync(question, filter, lanes, queryVector, cancellationToken).ConfigureAwait(false);
        var judged = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var answer = Compose(assessment);
        var timings = new Dictionary<string, double>(assessment.TimingsMs) { ["compose"] = clock.Elapsed.TotalMilliseconds };
        timings["judge"] = judged - timings["retrieve"];
        timings["total"] = judged + timings["compose"];
        return answer with { TimingsMs = timings };
    }

    /// <summary>The quote-mode answer of the outcome the configured thresholds give <paramref name="assessment"/>.</summary>
    public Answer Compose(AnswerAssessment assessment) => assessment.Outcome(_options) switch
    {
        AnswerOutcome.Answered => assessment.AsAnswered(_options),
        AnswerOutcome.Closest => assessment.AsClosest(_options),
        _ => assessment.AsNotFound(),
    };

    /// <summary>Retrieves the evidence and computes the answerability signals and probability, without composing an answer.</summary>
    public async Task<AnswerAssessment> AssessAsync(string question, SearchFilter? filter = null, SearchLanes lanes = SearchLanes.All, float[]? queryVector = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var response = await _retriever.SearchAsync(new SearchRequest(question) { K = _options.EvidenceChunks, Filter = filter ?? SearchFilter.None, Lanes = lanes, QueryVector = queryVector }, cancellationToken).ConfigureAwait(false);
        var retrieve = clock.Elapsed.TotalMilliseconds;
        return Assess(question, response, new Dictionary<string, double> { ["retrieve"] = retrieve });
    }

    /// <summary>Judges an existing search response (the orchestrator's, whose question may be a rewritten follow-up).</summary>
    public AnswerAssessment Assess(string question, SearchResponse response, IReadOnlyDictionary<string, double>? timings = null)
    {
        var (weights, unseen) = _judge.WeightsAndUnseen(response.Query);
        var units = new PassageUnits(response.Query.Translation);
        var signals = AnswerabilitySignals.Of(response.Query, response.Hits, weights, unseen, response.LanesRun, units);
        return new AnswerAssessment(question, response, weights, signals, _model.Probability(signals), timings ?? new Dictionary<string, double>()) { Units = units };
    }
}
