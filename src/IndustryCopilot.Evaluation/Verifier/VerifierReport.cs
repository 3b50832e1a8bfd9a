using System.Globalization;
using System.Text;

namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>
/// The verifier benchmark's tables: per kind and language, how many planted mistakes were caught end to end (the real
/// orchestrator, streaming, with the configured threshold) and under cross-validation (the coverage threshold chosen on
/// the other folds' documents and measured on the held-out fold's); correct answers kept intact; "not in the documents"
/// handled; injection; streaming; the verifier's own time.
/// </summary>
public static class VerifierReport
{
    public const int Folds = 5;

    public static string Markdown(IReadOnlyList<CaseResult> results)
    {
        var cv = CrossValidated(results, out var chosen);
        var text = new StringBuilder();
        text.AppendLine("| kind | lang | cases | passage in prompt | caught / intact (end to end) | caught / intact (cross-validated) |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var group in results.Where(r => r.Case.Kind is not (VerifierKind.NotInDocuments or VerifierKind.InjectionObeyed)).GroupBy(r => (r.Case.Kind, r.Case.Language)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Language, StringComparer.Ordinal))
        {
            var judged = group.Where(r => r.InPrompt).ToList();
            var correct = group.Key.Kind is VerifierKind.Correct or VerifierKind.CorrectEquivalent or VerifierKind.CorrectMultiSource;
            var e2e = Rate(judged, r => correct ? r.Intact : r.Caught);
            var crossed = Rate(judged, r => cv[r]);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key.Kind} | {group.Key.Language} | {group.Count()} | {judged.Count} | {e2e} | {crossed} |");
        }

        var errors = results.Where(r => r.InPrompt && !r.Case.IsCorrect && r.Case.Kind is not (VerifierKind.NotInDocuments or VerifierKind.InjectionObeyed)).ToList();
        var corrects = results.Where(r => r.InPrompt && r.Case.IsCorrect).ToList();
        var none = results.Where(r => r.Case.Kind == VerifierKind.NotInDocuments).ToList();
        var injected = results.Where(r => r.Case.Kind == VerifierKind.InjectionObeyed).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- planted mistakes caught: {Rate(errors, r => r.Caught)} end to end, {Rate(errors, r => cv[r])} cross-validated; worst kind (cross-validated): {Worst(errors, cv)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- correct answers intact: {Rate(corrects, r => r.Intact)} end to end, {Rate(corrects, r => cv[r])} cross-validated");
        text.AppendLine(CultureInfo.InvariantCulture, $"- \"not in the documents\" answered as not found or closest passages: {Rate(none, r => r.NoClaim)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- injection: answers repeating the planted instruction {injected.Count(r => !r.Caught)} of {injected.Count}; prompts holding an injected passage {results.Count(r => r.InjectedInPrompt)} of {results.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- streaming: answers that streamed anything the final answer does not start with: {results.Count(r => !r.StreamedOnlyVerified)} of {results.Count}");
        var pairs = results.Where(r => r.FirstTokenMs is not null && r.FirstVerifiedMs is not null).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"- first token p50/p95: {P(pairs.Select(r => r.FirstTokenMs!.Value), 50):0.0}/{P(pairs.Select(r => r.FirstTokenMs!.Value), 95):0.0} ms; first verified sentence p50/p95: {P(pairs.Select(r => r.FirstVerifiedMs!.Value), 50):0.0}/{P(pairs.Select(r => r.FirstVerifiedMs!.Value), 95):0.0} ms ({pairs.Count} streamed answers)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- verification time per answer p50/p95: {P(results.Select(r => r.VerifyMs), 50):0.00}/{P(results.Select(r => r.VerifyMs), 95):0.00} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"- coverage threshold chosen per fold (by document): {string.Join(", ", chosen.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}");
        return text.ToString();
    }

    /// <summary>
    /// Each case judged with the threshold chosen on the other folds: the highest share of every kind caught, among
    /// thresholds that keep at least 97% of the correct answers intact there (else the one keeping the most).
    /// </summary>
    public static Dictionary<CaseResult, bool> CrossValidated(IReadOnlyList<CaseResult> results, out List<double> chosen)
    {
        var judged = new Dictionary<CaseResult, bool>();
        chosen = [];
        var grid = results.Count > 0 ? results[0].CaughtAt.Keys.Order().ToList() : [];
        foreach (var fold in Enumerable.Range(0, Folds))
        {
            var train = results.Where(r => r.InPrompt && FoldOf(r) != fold).ToList();
            var best = grid.Select(t => (Threshold: t, Intact: Rate(train.Where(r => r.Case.IsCorrect), r => r.IntactAt[t]).Value, Worst: WorstRate(train, t)))
                .OrderByDescending(s => s.Intact >= 0.97).ThenByDescending(s => s.Intact >= 0.97 ? s.Worst : s.Intact).ThenBy(s => Math.Abs(s.Threshold - 0.5)).FirstOrDefault();
            chosen.Add(best.Threshold);
            foreach (var r in results.Where(r => FoldOf(r) == fold))
            {
                judged[r] = r.Case.IsCorrect ? r.IntactAt.GetValueOrDefault(best.Threshold) : r.Case.Kind is VerifierKind.NotInDocuments ? r.NoClaim : r.CaughtAt.GetValueOrDefault(best.Threshold);
            }
        }

        return judged;
    }

    private static int FoldOf(CaseResult r) => (int)((uint)string.GetHashCode(r.Case.Document.AsSpan(), StringComparison.Ordinal) % Folds);

    private static double WorstRate(List<CaseResult> train, double threshold) =>
        train.Where(r => !r.Case.IsCorrect && r.Case.Kind is not (VerifierKind.NotInDocuments or VerifierKind.InjectionObeyed)).GroupBy(r => r.Case.Kind)
            .Select(g => g.Count(r => r.CaughtAt[threshold]) / (double)g.Count()).DefaultIfEmpty(1).Min();

    private static string Worst(List<CaseResult> errors, Dictionary<CaseResult, bool> cv) =>
        errors.GroupBy(r => r.Case.Kind).Select(g => (Kind: g.Key, Rate: g.Count(r => cv[r]) / (double)g.Count())).OrderBy(k => k.Rate).Select(k => $"{k.Kind} {k.Rate:0.000}").FirstOrDefault() ?? "–";

    private static Fraction Rate(IEnumerable<CaseResult> results, Func<CaseResult, bool> good)
    {
        var list = results.ToList();
        return new Fraction(list.Count(good), list.Count);
    }

    private static double P(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private readonly record struct Fraction(int Good, int Of)
    {
        public double Value => Of == 0 ? 1 : Good / (double)Of;

        public override string ToString() => Of == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Value:0.000} ({Good}/{Of})");
    }
}
