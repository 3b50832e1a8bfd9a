using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Checks a session cookie at each request: past <c>Auth:SessionMaxHours</c> since sign-in it ends; past
/// <c>Auth:RefreshMinutes</c> since the groups were read, they are read again from the directory (a person removed
/// from the directory, or no longer mapped, is signed out; changed groups apply at once). OIDC sessions cannot be
/// re-read without the person, so they end and the person signs in through the provider again.
/// </summary>
internal sealed partial class SessionRenewal(AuthOptions options, TimeProvider time, IServiceProvider services, ILogger<SessionRenewal> log)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        if (user is null || !user.IsPerson())
        {
            context.RejectPrincipal();
            return;
        }

        var now = time.GetUtcNow();
        if (now - user.SignedIn() > TimeSpan.FromHours(options.SessionMaxHours))
        {
            await End(context, "the session reached Auth:SessionMaxHours");
            return;
        }

        if (now - user.GroupsChecked() < TimeSpan.FromMinutes(options.RefreshMinutes))
        {
            return;
        }

        if (user.Method() != "ldap" || services.GetService<LdapDirectory>() is not { } directory)
        {
            await End(context, "single sign-on sessions renew through the provider");
            return;
        }

        DirectoryPerson? person;
        try
        {
            person = await directory.RefreshAsync(user.DirectoryId(), user.UserName(), context.HttpContext.RequestAborted);
        }
        catch (DirectoryUnavailableException e)
        {
            // Access must not outlive what the directory says; when it cannot be asked, the session ends rather than
            // keeping groups nobody can confirm.
            RefreshFailed(log, user.Key().Id, e.Message);
            await End(context, "the directory could not be asked");
            return;
        }

        if (person is null || PersonAccess.Of(person.DirectoryGroups, options) is not { } access)
        {
            // A leaver's other browsers and devices must not wait for their own refresh: end every session of theirs.
            var ended = await services.GetRequiredService<ISessionTickets>().EndAllAsync(user.Key().Id, context.HttpContext.RequestAborted);
            await End(context, $"the person is no longer in the directory or no longer mapped ({ended} session(s) ended)");
            return;
        }

        context.ReplacePrincipal(PersonSession.Principal(person, access, user.SignedIn(), now));
        context.ShouldRenew = true;
    }

    private async Task End(CookieValidatePrincipalContext context, string why)
    {
        var subject = context.Principal?.Key().Id ?? "";
        SessionEnded(log, subject, why);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(PersonSession.Scheme);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {Subject} ended: {Why}")]
    private static partial void SessionEnded(ILogger logger, string subject, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read the groups of {Subject}: {Error}")]
    private static partial void RefreshFailed(ILogger logger, string subject, string error);
}
