using IndustryCopilot.Core.Answering.Answerability;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// A question's evidence, judged: the search response, the key-term weights, the answerability signals and the
/// model's probability (0–1) that the evidence answers it. Composes any of the three quote-mode outcomes.
/// </summary>
public sealed record AnswerAssessment(string Question, SearchResponse Response, IReadOnlyDictionary<string, double> Weights, AnswerabilitySignals Signals, double Probability, IReadOnlyDictionary<string, double> TimingsMs)
{
    /// <summary>The evidence passages cut into quotable units, shared by the signals and the composition.</summary>
    internal PassageUnits Units { get; init; } = new();

    /// <summary>The outcome the thresholds of <paramref name="options"/> give.</summary>
    public AnswerOutcome Outcome(AnsweringOptions options) =>
        Response.Hits.Count == 0 || Signals.Coverage < options.GateThreshold ? AnswerOutcome.NotFound
        : Probability >= options.AnswerThreshold ? AnswerOutcome.Answered
        : AnswerOutcome.Closest;

    /// <summary>True when the gate lets the question through to a language model (something relevant was retrieved).</summary>
    public bool PassesGate(AnsweringOptions options) => Outcome(options) != AnswerOutcome.NotFound;

    public Answer AsAnswered(AnsweringOptions options)
    {
        var quoted = Response.Hits.Take(options.QuoteChunks).ToList();
        if (Signals.Best is { } best && !quoted.Contains(best))
        {
            quoted.Insert(0, best);
        }

        return Scored(QuoteComposer.Answered(Question, Response.Query.Language, quoted, Weights, options.MaxSentences, Units));
    }

    public Answer AsClosest(AnsweringOptions options) =>
        Scored(QuoteComposer.Closest(Question, Response.Query.Language, Response.Hits.Take(options.ClosestPassages).ToList(), Weights, Units));

    public Answer AsNotFound() => Refusal.For(Question, Response.Query.Language, Response.Hits, Signals.Coverage, Probability);

    private Answer Scored(Answer answer) => answer with { Support = Signals.Coverage, Answerability = Probability };
}
