using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IndustryCopilot.Server.Composition;

/// <summary>Declares the <c>X-Api-Key</c> header in the OpenAPI document, so the API page and generated clients send the key.</summary>
internal sealed class ApiKeySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string Scheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A key from `icp keys add` (also accepted as `Authorization: Bearer <key>`).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
