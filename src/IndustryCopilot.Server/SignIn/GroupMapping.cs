using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Server.SignIn;

/// <summary>One <c>Auth:GroupMap</c> entry: members of <see cref="Directory"/> see <see cref="Groups"/> with at least <see cref="Role"/>.</summary>
public sealed class GroupMapping
{
    /// <summary>The directory group: an LDAP DN such as <c>CN=QA-Engineers,OU=Groups,DC=plant,DC=local</c>, or an OIDC groups-claim value.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Document access groups its members see (<c>public</c> is always seen). Default: none.</summary>
    public string[] Groups { get; set; } = [];

    /// <summary>The role its members get (Reader, Editor, Admin). Default: none (reader unless another entry gives more).</summary>
    public ApiKeyRole? Role { get; set; }
}
