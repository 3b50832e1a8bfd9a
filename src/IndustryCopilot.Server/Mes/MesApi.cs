using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Ask;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Mes;

/// <summary>
/// <c>POST /api/mes/lookup</c> for MES screens: an alarm code (and equipment, station) or a question in, a compact
/// answer out. An alarm code is put into the question verbatim so the identifier lane finds the rows and clauses that
/// name it; when a cited passage is a procedure, its numbered steps come back as <c>steps</c>.
/// </summary>
internal static partial class MesApi
{
    public static IEndpointRouteBuilder MapMesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/mes/lookup", LookupAsync).WithTags("MES").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        return app;
    }

    internal static async Task<Results<Ok<MesLookupResponse>, ValidationProblem, ProblemHttpResult>> LookupAsync(MesLookupBody body, AnswerOrchestrator orchestrator, AnswerRecorder recorder, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var english = string.Equals(body.Lang, "en", StringComparison.OrdinalIgnoreCase);
        var question = Compose(body, english);
        if (question is null || question.Length > 2000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["alarmCode"] = ["Give an alarmCode or a question (at most 2000 characters)."] });
        }

        var result = await orchestrator.AskAsync(new AskRequest(question) { Filter = user.Limit(SearchFilter.None) }, cancellationToken);
        if (result is AnswerBusy busy)
        {
            return Busy.Problem(http, busy);
        }

        var answer = ((AnswerCompleted)result).Answer;
        var citations = answer.Citations.ToList();
        var steps = new List<MesStep>();
        foreach (var citation in answer.Outcome == AnswerOutcome.Answered ? answer.Citations : [])
        {
            var chunk = orchestrator.ReadIndex(i => i.GetChunks(citation.DocumentId).FirstOrDefault(c => c.Id == citation.ChunkId));
            if (chunk is { Kind: ChunkKind.Procedure })
            {
                steps.AddRange(Steps(chunk.Text, citation.Number));
            }
        }

        // A screen wants the procedure itself: when the answer cites a document whose procedure ranks near the top
        // but quotes another passage of it, the procedure is added as one more citation, quoted whole.
        if (steps.Count == 0 && answer.Outcome == AnswerOutcome.Answered)
        {
            var cited = citations.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
            var hits = (await orchestrator.SearchAsync(new SearchRequest(question) { K = 5, Filter = user.Limit(SearchFilter.None) }, cancellationToken)).Hits;
            if (hits.FirstOrDefault(h => h.Chunk.Kind == ChunkKind.Procedure && cited.Contains(h.Document.Id)) is { } procedure)
            {
                var added = Citation.From(citations.Count + 1, procedure, procedure.Chunk.Text);
                citations.Add(added);
                steps.AddRange(Steps(procedure.Chunk.Text, added.Number));
            }
        }

        var entry = await recorder.RecordAsync(answer with { Citations = citations }, user, "mes", started, null, cancellationToken);
        return TypedResults.Ok(new MesLookupResponse(entry.Id, question, answer.Text, answer.Mode, answer.Outcome, steps, [.. citations.Select(CitationView.From)]));
    }

    private static IEnumerable<MesStep> Steps(string text, int citation) =>
        Step().Matches(text).Select(m => new MesStep(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value.Trim(), citation));

    // Equipment and station ids name the plant's machines, which manuals rarely do; put into the question they would
    // count as codes the evidence must contain and turn answerable alarms into refusals. They are echoed, not searched.
    private static string? Compose(MesLookupBody body, bool english)
    {
        var alarm = body.AlarmCode?.Trim();
        if (!string.IsNullOrWhiteSpace(body.Question))
        {
            return string.IsNullOrEmpty(alarm) || body.Question.Contains(alarm, StringComparison.OrdinalIgnoreCase) ? body.Question.Trim() : $"{alarm} {body.Question.Trim()}";
        }

        return string.IsNullOrEmpty(alarm) ? null
            : english ? $"What does alarm {alarm} mean and what should be done?"
            : $"报警 {alarm} 是什么意思，怎么处理？";
    }

    // "1. Check …", "2、检查 …", "(3) …" at a line start.
    [GeneratedRegex(@"(?m)^\s*\(?(\d{1,2})[.、)）]\s*(.+)$")]
    private static partial Regex Step();
}
