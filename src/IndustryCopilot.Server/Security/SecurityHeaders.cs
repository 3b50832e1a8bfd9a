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
        // The API page (Scalar, from its package) starts itself with an inline script and inline styles; nothing else may.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"
            : "default-src 'self'; frame-ancestors 'none'; base-uri 'none'";
        await next();
    });
}
