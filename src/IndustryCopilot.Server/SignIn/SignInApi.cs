using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Signing people in and out: which methods are on (for the sign-in page), the anti-forgery token, the directory
/// form, the single sign-on redirect and sign-out.
/// </summary>
internal static partial class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("").WithTags("Sign-in").AllowAnonymous();
        auth.MapGet("/api/auth/methods", (AuthOptions options, Composition.ServerOptions server) =>
            TypedResults.Ok(new SignInMethods(options.Ldap.Enabled, options.Oidc.Enabled ? options.Oidc.DisplayName : null, server.DefaultLanguage)));
        auth.MapGet("/api/auth/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken ?? "", tokens.HeaderName ?? AntiforgeryCheck.HeaderName));
        });
        auth.MapPost("/api/auth/ldap", SignInWithDirectory);
        auth.MapGet("/auth/oidc", (string? returnUrl, AuthOptions options) => options.Oidc.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, [SingleSignOn.Scheme])
            : Results.NotFound());
        auth.MapPost("/auth/signout", SignOut);
        return app;
    }

    private static async Task<Results<Ok<SignedInView>, ProblemHttpResult>> SignInWithDirectory(
        DirectorySignIn body, HttpContext context, AuthOptions options, ISignInThrottle throttle, TimeProvider time, IServiceProvider services, ILogger<ISignInThrottle> log)
    {
        if (services.GetService<LdapDirectory>() is not { } directory)
        {
            return TypedResults.Problem(title: "Directory sign-in is off", detail: "Set Auth:Ldap:Enabled (docs/sign-in.md).", statusCode: StatusCodes.Status404NotFound);
        }

        // Looked up in the form the directory compares names in, so the lockout below and the directory agree on who it is.
        var userName = UserName.ForLookup(body.UserName ?? "");
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (userName.Length is 0 or > 256 || string.IsNullOrEmpty(body.Password) || body.Password.Length > 1024)
        {
            return TypedResults.Problem(title: "User name and password are required", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await throttle.LockedUntilAsync(userName, address, context.RequestAborted) is { } until)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many failed sign-ins", detail: $"Try again after {until:HH:mm} UTC.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        DirectoryPerson? person;
        try
        {
            person = await directory.SignInAsync(userName, body.Password, context.RequestAborted);
        }
        catch (DirectoryUnavailableException e)
        {
            DirectoryDown(log, e.Message);
            return TypedResults.Problem(title: "The directory cannot be reached", detail: "Sign-in is not possible right now; ask IT. API keys still work.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (person is null)
        {
            await throttle.FailedAsync(userName, address, context.RequestAborted);
            Failed(log, userName, address);
            return TypedResults.Problem(title: "Wrong user name or password", statusCode: StatusCodes.Status401Unauthorized);
        }

        await throttle.SucceededAsync(userName, context.RequestAborted);
        if (PersonAccess.Of(person.DirectoryGroups, options) is not { } access)
        {
            Unmapped(log, person.Subject);
            return TypedResults.Problem(title: "No access", detail: "Your directory groups give no access to the copilot; ask IT.", statusCode: StatusCodes.Status403Forbidden);
        }

        var now = time.GetUtcNow();
        var principal = PersonSession.Principal(person, access, now, now);
        await context.SignInAsync(PersonSession.Scheme, principal, new AuthenticationProperties { IsPersistent = false });
        SignedIn(log, person.Subject, "ldap");
        return TypedResults.Ok(new SignedInView(person.DisplayName, access.Role.ToString().ToLowerInvariant(), access.Groups));
    }

    private static async Task<IResult> SignOut(HttpContext context, ClaimsPrincipal user, AuthOptions options)
    {
        if (user.IsPerson() && user.Method() == "oidc" && options.Oidc.Enabled)
        {
            // Also ends the provider's session, so the next sign-in asks for the password again.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [PersonSession.Scheme, SingleSignOn.Scheme]);
        }

        await context.SignOutAsync(PersonSession.Scheme);
        return Results.Redirect("/");
    }

    // Only a path on this server: an open redirect would let a link send people from our sign-in to any site.
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subject} signed in ({Method})")]
    private static partial void SignedIn(ILogger logger, string subject, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed directory sign-in for user name {UserName} from {Address}")]
    private static partial void Failed(ILogger logger, string userName, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory sign-in of {Subject} refused: no Auth:GroupMap entry matches and Auth:UnmappedUsers is Refuse")]
    private static partial void Unmapped(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory sign-in impossible: {Error}")]
    private static partial void DirectoryDown(ILogger logger, string error);
}
