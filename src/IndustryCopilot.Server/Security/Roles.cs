namespace IndustryCopilot.Server.Security;

/// <summary>Authorization policies by key role: editors upload and delete documents, admins read the audit (admins are editors too).</summary>
internal static class Roles
{
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static void AddRolePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Editor, p => p.RequireRole(nameof(Hosting.Security.ApiKeyRole.Editor), nameof(Hosting.Security.ApiKeyRole.Admin)));
        options.AddPolicy(Admin, p => p.RequireRole(nameof(Hosting.Security.ApiKeyRole.Admin)));
    }
}
