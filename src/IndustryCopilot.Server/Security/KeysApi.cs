using System.Security.Claims;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Security;

/// <summary>
/// Daily administration from the browser (admins only): list API keys, create one (shown once), revoke one, and see
/// the sign-in methods and group mapping in force. The same store as <c>icp keys</c>.
/// </summary>
internal static partial class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Roles.Admin).RequireRateLimiting(KeyRateLimits.Policy);
        admin.MapGet("/keys", (ApiKeyStore keys) => TypedResults.Ok(keys.List().Select(KeyView.From).ToList()));
        admin.MapPost("/keys", Create);
        admin.MapDelete("/keys/{nameOrId}", Revoke);
        admin.MapGet("/sign-in", (AuthOptions auth) => TypedResults.Ok(new SignInSettingsView(
            auth.Ldap.Enabled, auth.Oidc.Enabled ? auth.Oidc.DisplayName : null, auth.UnmappedUsers.ToString(), auth.RefreshMinutes,
            [.. auth.GroupMap.Select(m => new GroupMappingView(m.Directory, m.Groups, (m.Role ?? ApiKeyRole.Reader).ToString().ToLowerInvariant()))])));
        return app;
    }

    private static Results<Created<NewKeyView>, ValidationProblem> Create(NewKey body, ApiKeyStore keys, ClaimsPrincipal user, ILogger<ApiKeyStore> log)
    {
        if (!Enum.TryParse<ApiKeyRole>(body.Role ?? "reader", ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["reader, editor or admin."] });
        }

        try
        {
            var (key, record) = keys.Add(body.Name ?? "", role, body.Groups ?? []);
            var admin = user.Key().Id;
            Created(log, record.Name, admin);
            return TypedResults.Created($"/api/admin/keys/{record.Id}", new NewKeyView(key, KeyView.From(record)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [e.Message] });
        }
    }

    private static Results<NoContent, NotFound> Revoke(string nameOrId, ApiKeyStore keys, ClaimsPrincipal user, ILogger<ApiKeyStore> log)
    {
        if (!keys.Revoke(nameOrId))
        {
            return TypedResults.NotFound();
        }

        var admin = user.Key().Id;
        Revoked(log, nameOrId, admin);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {Name} created by {Admin}")]
    private static partial void Created(ILogger logger, string name, string admin);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {NameOrId} revoked by {Admin}")]
    private static partial void Revoked(ILogger logger, string nameOrId, string admin);
}
