namespace IndustryCopilot.Server.Security;

/// <summary>Headers every response carries: no sniffing, no framing by other sites, no referrer leaks, and a strict content policy (nothing loads from outside the server; plants are air-gapped anyway).</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'";
        await next();
    });
}
