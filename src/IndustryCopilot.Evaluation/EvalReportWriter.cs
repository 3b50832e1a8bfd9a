using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IndustryCopilot.Evaluation.Metrics;

namespace IndustryCopilot.Evaluation;

/// <summary>Writes evaluation reports as Markdown tables (one row per variant) and as JSON.</summary>
public static class EvalReportWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Json(IReadOnlyList<SetReport> reports) => JsonSerializer.Serialize(reports, Options);

    public static string Markdown(IReadOnlyList<SetReport> reports)
    {
        var sb = new StringBuilder();
        foreach (var report in reports)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {report.Name} ({report.Questions} questions)");
            sb.AppendLine();
            sb.AppendLine("| variant | answerable | recall@1 | recall@5 | recall@10 | mrr@10 | all gold in top 10 | p50 ms | p95 ms |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var v in report.Variants)
            {
                var allGold = v.AllGoldIn10 is { } a ? $"{F(a)} ({v.MultiGold})" : "–";
                sb.AppendLine(CultureInfo.InvariantCulture, $"| `{v.Variant}` | {v.Questions} | {F(v.Recall1)} | {F(v.Recall5)} | {F(v.Recall10)} | {F(v.Mrr10)} | {allGold} | {v.P50Ms:0.0} | {v.P95Ms:0.0} |");
            }

            sb.AppendLine();
            if (report.ByType.Count > 1)
            {
                var names = report.Variants.Select(v => v.Variant).ToList();
                sb.AppendLine("recall@5 / recall@1 by question type:");
                sb.AppendLine();
                sb.AppendLine("| type | " + string.Join(" | ", names.Select(n => $"`{n}`")) + " |");
                sb.AppendLine("|---|" + string.Concat(names.Select(_ => "---|")));
                foreach (var (type, summaries) in report.ByType)
                {
                    var cells = string.Join(" | ", summaries.Select(s => $"{F(s.Recall5)} / {F(s.Recall1)}"));
                    sb.AppendLine(CultureInfo.InvariantCulture, $"| {type} ({summaries[0].Questions}) | {cells} |");
                }

                sb.AppendLine();
            }

            sb.Append(AnswerTable("Quote-mode answers (`hybrid+id`, the configured model and thresholds — the defaults were fitted on the shared sets, so on those this is not a measurement; `--cross-validate` gives one):", [(report.Name, report.Answers)], withLatency: true));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The answer outcomes of each set: answerable questions answered / closest / not found, unanswerable ones (with
    /// gold-removed questions) the same, then the four target figures and, for the product's own run, citation validity.
    /// </summary>
    public static string AnswerTable(string title, IReadOnlyList<(string Set, AnswerSummary Summary)> rows, bool withLatency = false)
    {
        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.AppendLine();
        sb.AppendLine("| set | answerable: answered / closest / not found | unanswerable: answered / closest / not found | answered precision | answerable shown | unanswerable not answered | gate false refusals |" + (withLatency ? " citation validity | p50 / p95 ms |" : ""));
        sb.AppendLine("|---|---|---|---|---|---|---|" + (withLatency ? "---|---|" : ""));
        foreach (var (set, a) in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {set} | {a.AnswerableAnswered} / {a.AnswerableClosest} / {a.AnswerableNotFound} | {a.UnanswerableAnswered} / {a.UnanswerableClosest} / {a.UnanswerableNotFound} | ");
            sb.Append(CultureInfo.InvariantCulture, $"{Rate(a.AnsweredPrecision, a.AnsweredCorrect, a.AnswerableAnswered + a.UnanswerableAnswered)} | {Rate(a.AnswerableShownRate, a.AnswerableShown, a.Answerable)} | ");
            sb.Append(CultureInfo.InvariantCulture, $"{Rate(a.UnanswerableNotAnswered, a.UnanswerableClosest + a.UnanswerableNotFound, a.Unanswerable)} | {Rate(a.GateFalseRefusals, a.AnswerableNotFound, a.Answerable)} |");
            sb.AppendLine(withLatency ? string.Create(CultureInfo.InvariantCulture, $" {Rate(a.CitationValidity, a.ValidCitations, a.Citations)} | {a.P50Ms:0.0} / {a.P95Ms:0.0} |") : "");
        }

        sb.AppendLine();
        return sb.ToString();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Rate(double? rate, int count, int total) => rate is { } r ? $"{F(r)} ({count}/{total})" : "–";
}
