namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// A person as the directory describes them. <see cref="Id"/> is stable and unique within <see cref="Method"/> (the
/// entry's DN for LDAP, the <c>sub</c> claim for OIDC); <see cref="DirectoryGroups"/> are unmapped directory groups.
/// </summary>
internal sealed record DirectoryPerson(string Method, string Id, string UserName, string DisplayName, IReadOnlyList<string> DirectoryGroups)
{
    /// <summary>The identity audit entries, rate limits and conversations are keyed on, e.g. <c>ldap:CN=Li Wei,OU=Staff,…</c>.</summary>
    public string Subject => $"{Method}:{Id}";
}
