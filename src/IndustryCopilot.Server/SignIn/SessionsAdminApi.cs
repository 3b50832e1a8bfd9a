using System.Security.Claims;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Admins see people's live sessions and end all sessions of one person at once (a lost phone, a leaver before the
/// directory catches up). Scoped like keys: an admin sees and ends only sessions whose groups lie within its own
/// (every session with an all-groups key). Another's session is "not found".
/// </summary>
internal static partial class SessionsAdminApi
{
    public static IEndpointRouteBuilder MapSessionsAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/sessions").WithTags("Administration").RequireAuthorization(Roles.Admin).RequireRateLimiting(KeyRateLimits.Policy);
        admin.MapGet("", async (ISessionTickets sessions, ClaimsPrincipal user, CancellationToken cancellationToken) => TypedResults.Ok((await sessions.ListAsync(cancellationToken)).Where(s => Manages(user, s)).ToList()));
        admin.MapDelete("", EndAsync);
        return app;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> EndAsync(string? subject, ISessionTickets sessions, ClaimsPrincipal user, ILogger<ISessionTickets> log, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["The person's subject (ldap:… or oidc:…), as GET /api/admin/sessions lists it."] });
        }

        var theirs = (await sessions.ListAsync(cancellationToken)).Where(s => s.Subject == subject).ToList();
        if (theirs.Count == 0 || !theirs.All(s => Manages(user, s)))
        {
            return TypedResults.NotFound();
        }

        var ended = await sessions.EndAllAsync(subject, cancellationToken);
        var admin = user.Key().Id;
        Ended(log, ended, subject, admin);
        return TypedResults.NoContent();
    }

    private static bool Manages(ClaimsPrincipal user, KeptSession session)
    {
        var mine = user.Groups();
        return user.ManagesAllGroups() || session.Groups.All(mine.Contains);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} session(s) of {Subject} ended by {Admin}")]
    private static partial void Ended(ILogger logger, int count, string subject, string admin);
}
