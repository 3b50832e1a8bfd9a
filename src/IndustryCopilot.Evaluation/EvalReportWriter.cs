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

            var ans = report.Answers;
            sb.AppendLine("Quote-mode answers (`hybrid+id`):");
            sb.AppendLine();
            sb.AppendLine("| unanswerable refused | answerable wrongly refused | citation validity | p50 ms | p95 ms |");
            sb.AppendLine("|---|---|---|---|---|");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {Rate(ans.RefusalRate, ans.UnanswerableRefused, ans.Unanswerable)} | {Rate(ans.FalseRefusalRate, ans.AnswerableRefused, ans.Answerable)} | {Rate(ans.CitationValidity, ans.ValidCitations, ans.Citations)} | {ans.P50Ms:0.0} | {ans.P95Ms:0.0} |");
            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Rate(double? rate, int count, int total) => rate is { } r ? $"{F(r)} ({count}/{total})" : "–";
}
