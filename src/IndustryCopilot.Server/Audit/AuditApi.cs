using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Server.Audit;

/// <summary>
/// <c>GET /api/audit</c> (JSON) and <c>GET /api/audit/export</c> (JSON Lines) for admins, newest first, filtered by
/// <c>from</c>, <c>to</c> (ISO 8601), <c>key</c>, <c>channel</c>, <c>mode</c>, <c>q</c> (question text), <c>rated</c>, <c>limit</c> (100 for the list, all up to 10,000 for the export).
/// Even an admin sees only entries whose cited documents its own groups allow.
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Roles.Admin).RequireRateLimiting(KeyRateLimits.Policy);
        group.MapGet("", ListAsync);
        group.MapGet("/export", ExportAsync);
        return app;
    }

    internal static async Task<Results<Ok<List<AuditRow>>, ValidationProblem>> ListAsync(HttpContext http, IAuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (query, errors) = Parse(http.Request.Query, defaultLimit: 100);
        return errors is not null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok((await audit.QueryAsync(query, user.Groups(), cancellationToken)).Select(r => new AuditRow(r.Entry, r.Feedback)).ToList());
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(HttpContext http, IAuditLog audit, ClaimsPrincipal user, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (query, errors) = Parse(http.Request.Query, defaultLimit: AuditQuery.MaxLimit);
        return errors is not null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.File(JsonLines((await audit.QueryAsync(query, user.Groups(), cancellationToken)).Select(r => new AuditRow(r.Entry, r.Feedback)), json.Value.SerializerOptions), "application/x-ndjson", "audit.jsonl");
    }

    /// <summary>One object per line, UTF-8, no BOM.</summary>
    internal static byte[] JsonLines<T>(IEnumerable<T> rows, JsonSerializerOptions json)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row, json)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    internal static (AuditQuery Query, Dictionary<string, string[]>? Errors) Parse(IQueryCollection q, int defaultLimit)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset? Time(string name)
        {
            if (q[name].FirstOrDefault() is not { Length: > 0 } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }

            errors[name] = ["An ISO 8601 date or time, e.g. 2026-11-27 or 2026-11-27T08:00:00Z."];
            return null;
        }

        AnswerMode? mode = null;
        if (q["mode"].FirstOrDefault() is { Length: > 0 } m)
        {
            if (Enum.TryParse<AnswerMode>(m, ignoreCase: true, out var parsed))
            {
                mode = parsed;
            }
            else
            {
                errors["mode"] = ["quote, generated or refused."];
            }
        }

        var limit = defaultLimit;
        if (q["limit"].FirstOrDefault() is { Length: > 0 } l && (!int.TryParse(l, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AuditQuery.MaxLimit))
        {
            errors["limit"] = [$"1–{AuditQuery.MaxLimit}."];
        }

        var query = new AuditQuery
        {
            From = Time("from"),
            To = Time("to"),
            Key = q["key"].FirstOrDefault() is { Length: > 0 } key ? key : null,
            Channel = q["channel"].FirstOrDefault() is { Length: > 0 } channel ? channel : null,
            Mode = mode,
            Contains = q["q"].FirstOrDefault(),
            RatedOnly = q["rated"].FirstOrDefault() is "true" or "1",
            Limit = limit,
        };
        return (query, errors.Count == 0 ? null : errors);
    }
}
