namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>Everything measured on one question set.</summary>
public sealed record SetReport(string Name, int Questions, string Corpus, IReadOnlyList<VariantSummary> Variants, IReadOnlyDictionary<string, IReadOnlyList<VariantSummary>> ByType, AnswerSummary Answers, IReadOnlyList<string> Misses);
