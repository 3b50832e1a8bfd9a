using System.Security.Claims;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Security;

/// <summary>
/// Daily administration from the browser (admins only): list API keys, create one (shown once), revoke one, and see
/// the sign-in methods and group mapping in force. The same store as <c>icp keys</c>.
/// </summary>
/// <remarks>
/// An admin is scoped to its own groups: it lists, creates and revokes only keys whose groups (with <c>public</c>)
/// all lie within its own and whose role is not above its own. A key outside that is "not found", so its name and
/// groups cannot be probed. Reaching across groups takes a key made with <c>icp keys add --all-groups</c> on the
/// server itself; the API cannot grant that.
/// </remarks>
internal static partial class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Roles.Admin).RequireRateLimiting(KeyRateLimits.Policy);
        admin.MapGet("/keys", async (IApiKeyStore keys, ClaimsPrincipal user, CancellationToken cancellationToken) => TypedResults.Ok((await keys.ListAsync(cancellationToken)).Where(user.Manages).Select(KeyView.From).ToList()));
        admin.MapPost("/keys", CreateAsync);
        admin.MapDelete("/keys/{nameOrId}", RevokeAsync);
        admin.MapGet("/sign-in", (AuthOptions auth) => TypedResults.Ok(new SignInSettingsView(
            auth.Ldap.Enabled, auth.Oidc.Enabled ? auth.Oidc.DisplayName : null, auth.UnmappedUsers.ToString(), auth.RefreshMinutes,
            [.. auth.GroupMap.Select(m => new GroupMappingView(m.Directory, m.Groups, (m.Role ?? ApiKeyRole.Reader).ToString().ToLowerInvariant()))])));
        return app;
    }

    private static async Task<Results<Created<NewKeyView>, ValidationProblem, ProblemHttpResult>> CreateAsync(NewKey body, IApiKeyStore keys, ClaimsPrincipal user, ILogger<IApiKeyStore> log, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ApiKeyRole>(body.Role ?? "reader", ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(body.Role, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["reader, editor or admin."] });
        }

        var groups = (body.Groups ?? []).Select(g => (g ?? "").Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (groups.FirstOrDefault(g => !AccessGroupName.IsValid(g)) is { } bad)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["groups"] = [$"'{bad}' is not a group name: {AccessGroupName.Rule}."] });
        }

        var wanted = new ApiKey("", body.Name ?? "", role, groups, default, null);
        if (!user.Manages(wanted))
        {
            Refused(log, user.Key().Id, string.Join(",", groups), role.ToString());
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Outside your groups",
                detail: $"An admin of {string.Join(", ", user.Groups())} can make keys only for those groups and roles up to its own; keys for other groups are made on the server with 'icp keys add'.");
        }

        try
        {
            var (key, record) = await keys.AddAsync(body.Name ?? "", role, groups, cancellationToken: cancellationToken);
            var admin = user.Key().Id;
            Created(log, record.Name, admin);
            return TypedResults.Created($"/api/admin/keys/{record.Id}", new NewKeyView(key, KeyView.From(record)));
        }
        catch (Exception e) when (e is ArgumentException or DuplicateKeyNameException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [e.Message] });
        }
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(string nameOrId, IApiKeyStore keys, ClaimsPrincipal user, ILogger<IApiKeyStore> log, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(nameOrId, user.Manages, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var admin = user.Key().Id;
        Revoked(log, nameOrId, admin);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {Name} created by {Admin}")]
    private static partial void Created(ILogger logger, string name, string admin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {Admin} refused a key for groups {Groups} with role {Role}: outside its own reach")]
    private static partial void Refused(ILogger logger, string admin, string groups, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {NameOrId} revoked by {Admin}")]
    private static partial void Revoked(ILogger logger, string nameOrId, string admin);
}
