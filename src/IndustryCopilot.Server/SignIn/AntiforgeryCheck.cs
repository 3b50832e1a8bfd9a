using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Refuses a state-changing request carried by the session cookie (or a sign-in) without the anti-forgery token:
/// another site can make a browser send the cookie, but cannot read the token. Requests with an API key are not
/// cookie-borne and pass as before.
/// </summary>
internal static class AntiforgeryCheck
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseAntiforgeryCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Needed(context.Request))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await TypedResults.Problem(
                    title: "Anti-forgery token missing or invalid",
                    detail: $"Requests made with the session cookie must carry the token from GET /api/auth/antiforgery in the {HeaderName} header (or the form field).",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
        }

        await next();
    });

    private static bool Needed(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        return ApiKeyAuthenticationHandler.Presented(request) is null && (request.Cookies.ContainsKey(PersonSession.CookieName) || request.Path.StartsWithSegments("/api/auth") || request.Path.StartsWithSegments("/auth"));
    }
}
