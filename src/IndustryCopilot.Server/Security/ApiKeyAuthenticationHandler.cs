using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Composition;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Server.Security;

/// <summary>
/// Authenticates by API key (<c>X-Api-Key: icp_…</c> or <c>Authorization: Bearer icp_…</c>). Without a key a caller is
/// anonymous only where <c>Server:AllowAnonymousLoopback</c> is set and the request comes from this machine; it then
/// sees <c>public</c> documents as a reader.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys, ServerOptions server)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return server.AllowAnonymousLoopback && IsLocal(Context.Connection.RemoteIpAddress)
                ? Success(Caller.Principal("anonymous", "anonymous", ApiKeyRole.Reader, ["public"]))
                : AuthenticateResult.NoResult();
        }

        return await keys.FindAsync(presented, Context.RequestAborted) is { } key
            ? Success(Caller.Principal(key.Id, key.Name, key.Role, key.VisibleGroups, key.AllGroups ? [new Claim(Caller.AllGroupsClaim, "true")] : null))
            : AuthenticateResult.Fail("unknown or revoked API key");
    }

    /// <summary>The key a request presents (<c>X-Api-Key</c>, or a bearer token), or null.</summary>
    public static string? Presented(HttpRequest request) =>
        request.Headers["X-Api-Key"].FirstOrDefault()
        ?? (request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null);

    // The in-memory test host has no remote address; behind a reverse proxy the address is the proxy's, not null.
    private static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static AuthenticateResult Success(ClaimsPrincipal principal) => AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
