using System.Security.Claims;
using IndustryCopilot.Server.Composition;

namespace IndustryCopilot.Server.Security;

/// <summary><c>GET /api/me</c>: who the key is (name, role, groups) and whether answers are generated, so the UI shows what the caller may do.</summary>
internal static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user, ServedModel model) => TypedResults.Ok(new SessionView(
            user.Key().Name, user.Role().ToString().ToLowerInvariant(), user.Groups(), model.Backend?.ModelName)))
            .WithTags("Session").RequireAuthorization();
        return app;
    }
}
