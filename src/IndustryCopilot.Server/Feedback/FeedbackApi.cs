using System.Security.Claims;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Server.Feedback;

/// <summary>
/// <c>POST /api/feedback</c>: thumbs up/down with a comment on an answer the same key received (admins may rate any answer whose documents their groups allow, as in the audit);
/// the latest rating counts, earlier ones stay in the audit. <c>GET /api/export/qa.jsonl</c> (editors): the rated
/// Q&amp;A set, filtered like the audit (<c>from</c>, <c>to</c>, <c>rated=true</c>, …) and by the caller's groups.
/// </summary>
internal static class FeedbackApi
{
    private const int MaxComment = 2000;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", RateAsync).WithTags("Feedback").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        app.MapGet("/api/export/qa.jsonl", ExportAsync).WithTags("Feedback").RequireAuthorization(Roles.Editor).RequireRateLimiting(KeyRateLimits.Policy);
        return app;
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> RateAsync(FeedbackBody body, IAuditLog audit, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        int? rating = body.Rating?.ToLowerInvariant() switch { "up" or "+1" or "1" => 1, "down" or "-1" => -1, _ => null };
        if (rating is null || (body.Comment?.Length ?? 0) > MaxComment || string.IsNullOrWhiteSpace(body.AnswerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rating"] = [$"answerId, rating \"up\" or \"down\", and a comment of at most {MaxComment} characters."] });
        }

        // Someone else's answer id is "not found", not "forbidden": ids should not be probeable.
        var (keyId, _) = user.Key();
        if (await audit.GetAsync(body.AnswerId, cancellationToken) is not { } entry || (entry.KeyId != keyId && (user.Role() != ApiKeyRole.Admin || !entry.VisibleTo(user.Groups()))))
        {
            return TypedResults.NotFound();
        }

        await audit.AddFeedbackAsync(new AnswerFeedback(entry.Id, time.GetUtcNow(), keyId, rating.Value, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim()), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(HttpContext http, IAuditLog audit, ClaimsPrincipal user, AnswerOrchestrator orchestrator, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (query, errors) = AuditApi.Parse(http.Request.Query, defaultLimit: AuditQuery.MaxLimit);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The audit checks the groups documents had when answered; the export also checks what they have now, so a
        // document narrowed since does not leave through someone's training set.
        var now = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool StillVisible(string documentId)
        {
            if (!now.TryGetValue(documentId, out var visible))
            {
                visible = orchestrator.ReadIndex(i => i.GetDocument(documentId)) is not { } document || user.CanSee(document);
                now[documentId] = visible;
            }

            return visible;
        }

        var rows = (await audit.QueryAsync(query, user.Groups(), cancellationToken)).Where(r => r.Entry.Citations.All(c => StillVisible(c.DocumentId)));
        return TypedResults.File(AuditApi.JsonLines(rows.Select(r => QaExportLine.From(r.Entry, r.Feedback)), json.Value.SerializerOptions), "application/x-ndjson", "qa.jsonl");
    }
}
