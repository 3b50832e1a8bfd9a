using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// OpenID Connect sign-in: the authorization-code flow with PKCE; the provider's person (sub, name, groups claim)
/// becomes a session like a directory sign-in, mapped through <c>Auth:GroupMap</c>.
/// </summary>
internal static partial class SingleSignOn
{
    public const string Scheme = "oidc";

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, AuthOptions auth) =>
        authentication.AddOpenIdConnect(Scheme, auth.Oidc.DisplayName, o =>
        {
            var oidc = auth.Oidc;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax and
            // work over plain HTTP on an intranet (SameSite=None would need HTTPS).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            foreach (var scope in oidc.EffectiveScopes)
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapJsonKey(oidc.GroupsClaim, oidc.GroupsClaim);
            o.ClaimActions.MapJsonKey("preferred_username", "preferred_username");
            o.SaveTokens = true; // the ID token is the hint the provider's sign-out needs
            o.SignInScheme = PersonSession.Scheme;
            o.SignOutScheme = PersonSession.Scheme;
            o.Events = new OpenIdConnectEvents
            {
                OnTicketReceived = context =>
                {
                    var person = Person(context.Principal ?? new ClaimsPrincipal(), oidc);
                    var services = context.HttpContext.RequestServices;
                    if (PersonAccess.Of(person.DirectoryGroups, auth) is not { } access)
                    {
                        Refused(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn)), person.Subject);
                        context.Response.Redirect("/?signin=refused");
                        context.HandleResponse();
                        return Task.CompletedTask;
                    }

                    var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                    context.Principal = PersonSession.Principal(person, access, now, now);
                    return Task.CompletedTask;
                },
                // A provider error or a cancelled sign-in lands on the page with a reason, not on an error page.
                OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/?signin=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });

    private static DirectoryPerson Person(ClaimsPrincipal principal, OidcOptions oidc)
    {
        var subject = principal.FindFirst("sub")?.Value ?? throw new InvalidOperationException("the provider's ID token has no sub claim");
        var userName = principal.FindFirst("preferred_username")?.Value ?? subject;
        var display = principal.FindFirst(oidc.NameClaim)?.Value ?? principal.FindFirst("name")?.Value ?? userName;
        List<string> groups = [.. principal.FindAll(oidc.GroupsClaim).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase)];
        return new DirectoryPerson("oidc", subject, userName, display, groups);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on of {Subject} refused: no Auth:GroupMap entry matches and Auth:UnmappedUsers is Refuse")]
    private static partial void Refused(ILogger logger, string subject);
}
