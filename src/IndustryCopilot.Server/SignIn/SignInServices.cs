using IndustryCopilot.Hosting.Composition;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Who may call: API keys (programs) and, when <c>Auth</c> enables a method, people with a session cookie. One policy
/// scheme picks per request: a key header → the key scheme; else the session cookie → the session scheme.
/// </summary>
internal static class SignInServices
{
    public const string CallerScheme = "Caller";

    /// <param name="services">The server's services.</param>
    /// <param name="dataDirectory">Where one server keeps sessions and their keys.</param>
    /// <param name="auth">The bound <c>Auth</c> section, for which sign-in methods exist (its values are checked at start).</param>
    /// <param name="shared">True when sessions and their keys are the group's (<c>Store:Provider=Postgres</c>, the container's <see cref="PostgresStore"/>).</param>
    public static IServiceCollection AddCallers(this IServiceCollection services, AuthOptions auth, string dataDirectory, bool shared = false)
    {
        services.AddSingleton(sp => sp.Options<AuthOptions>());
        services.AddSingleton<ISignInThrottle>(sp => !shared
            ? new MemorySignInThrottle(sp.Options<AuthOptions>(), sp.GetRequiredService<TimeProvider>())
            : new PostgresSignInThrottle(sp.GetRequiredService<PostgresStore>(), sp.Options<AuthOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SessionRenewal>();
        if (auth.Ldap.Enabled)
        {
            services.AddSingleton(sp => sp.Options<AuthOptions>().Ldap);
            services.AddSingleton<LdapDirectory>();
        }

        // Session cookies are encrypted with keys kept in the data directory (one server: sessions survive a restart and a
        // backup of the data directory restores them) or in the group's database (every replica reads every session).
        var protection = services.AddDataProtection().SetApplicationName("IndustryCopilot");
        if (!shared)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "session-keys")));
        }
        else
        {
            services.AddOptions<KeyManagementOptions>().Configure<PostgresStore>((o, store) => o.XmlRepository = new PostgresKeyRing(store));
        }

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryCheck.HeaderName;
            o.Cookie.Name = "icp.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // The cookie holds only a session id; the session itself lives in the store, so ending it ends every copy.
        services.AddSingleton<ISessionTickets>(sp => !shared
            ? new SqliteSessionTickets(dataDirectory, sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>())
            : new PostgresSessionTickets(sp.GetRequiredService<PostgresStore>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<CookieAuthenticationOptions>(PersonSession.Scheme).Configure<ISessionTickets>((o, store) => o.SessionStore = store);

        var authentication = services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, null, o => o.ForwardDefaultSelector = Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(PersonSession.Scheme, o =>
            {
                o.Cookie.Name = PersonSession.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(auth.SessionIdleMinutes);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionRenewal>().ValidateAsync(context),
                    // An API answers 401/403; it never redirects a fetch to a login page.
                    OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden),
                };
            });
        if (auth.Oidc.Enabled)
        {
            authentication.AddSingleSignOn(auth);
        }

        return services;
    }

    private static string Select(HttpContext context)
    {
        return ApiKeyAuthenticationHandler.Presented(context.Request) is null && context.Request.Cookies.ContainsKey(PersonSession.CookieName) ? PersonSession.Scheme : ApiKeyAuthenticationHandler.SchemeName;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
