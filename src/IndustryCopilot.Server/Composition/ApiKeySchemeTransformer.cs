using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IndustryCopilot.Server.Composition;

/// <summary>
/// Declares the <c>X-Api-Key</c> header in the OpenAPI document and requires it on exactly the operations that need a
/// caller (those with authorization metadata and no <c>AllowAnonymous</c>): health probes, sign-in and bot callbacks are
/// listed as open, so a monitoring system is not told to send a key. Also gives the document its introduction.
/// </summary>
internal sealed class ApiKeySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "ApiKey";

    /// <summary>The API page's introduction (Markdown).</summary>
    public const string Introduction = """
        The HTTP API of IndustryCopilot, the plant's document copilot. Every answer is grounded in the indexed documents
        and cites document, revision, clause and page; `outcome` says whether it answers (`answered`), shows the closest
        passages without claiming an answer (`closest`) or found nothing (`notFound`).

        **Sign in.** Programs (MES screens, scripts) send an API key made by IT with `icp keys add` in the `X-Api-Key`
        header (or `Authorization: Bearer <key>`); people use the web page with the plant directory. A key sees only the
        documents of its access groups, and every answer is written to the audit.

        **Open without a key:** `/health/live`, `/health/ready` (for load balancers and monitoring), sign-in, and the WeCom
        and Teams callbacks (checked by their own signatures).

        **Start with** `POST /api/ask` (`{"question": "E-205 报警怎么处理？"}`), `POST /api/search`, and
        `POST /api/mes/lookup` for an alarm code from a machine.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "IndustryCopilot API";
        document.Info.Description = Introduction;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A key from `icp keys add` (also accepted as `Authorization: Bearer <key>`).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
