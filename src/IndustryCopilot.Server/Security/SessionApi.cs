using System.Security.Claims;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Security;

/// <summary><c>GET /api/me</c>: who is calling (name, role, groups, and how: key, ldap, oidc or anonymous) and whether answers are generated, so the UI shows what the caller may do.</summary>
internal static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user, ServedModel model) => TypedResults.Ok(new SessionView(
            user.Key().Name, user.Role().ToString().ToLowerInvariant(), user.Groups(), model.Backend?.ModelName,
            user.Method() ?? (user.Key().Id == "anonymous" ? "anonymous" : "key"))))
            .WithTags("Session").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        return app;
    }
}
