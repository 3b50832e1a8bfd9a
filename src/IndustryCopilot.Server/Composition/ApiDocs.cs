using Scalar.AspNetCore;

namespace IndustryCopilot.Server.Composition;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable API page at <c>/scalar</c> (served from the package; everything that would call out — web fonts, AI agent, telemetry, deploy buttons — is off, plants are air-gapped).</summary>
internal static class ApiDocs
{
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options
            .WithTitle("IndustryCopilot API")
            .AddPreferredSecuritySchemes(ApiKeySchemeTransformer.Scheme)
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideDeveloperTools()
            .HideClientButton());
        return app;
    }
}
