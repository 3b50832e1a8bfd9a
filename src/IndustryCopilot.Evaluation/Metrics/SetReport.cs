using System.Text.Json.Serialization;

namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>Everything measured on one question set.</summary>
public sealed record SetReport(string Name, int Questions, string Corpus, IReadOnlyList<VariantSummary> Variants, IReadOnlyDictionary<string, IReadOnlyList<VariantSummary>> ByType, AnswerSummary Answers, IReadOnlyList<string> Misses)
{
    /// <summary>Each question's answerability signals and how its answer turned out (input of the cross-validation).</summary>
    [JsonIgnore]
    public IReadOnlyList<AnswerRecord> Records { get; init; } = [];
}
