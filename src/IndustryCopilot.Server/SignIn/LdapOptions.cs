using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Sign-in against the plant's directory (section <c>Auth:Ldap</c>): find the user's entry with the service account,
/// bind as that entry with the password typed, read its groups.
/// </summary>
public sealed class LdapOptions : IValidatedOptions
{
    /// <summary>Show the user-and-password form and accept directory sign-ins. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The directory server's host name (for TLS it must match its certificate), e.g. <c>dc01.plant.local</c>. Required when enabled.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port. Default: 636 for <see cref="LdapSecurity.Ldaps"/>, 389 otherwise.</summary>
    public int? Port { get; set; }

    /// <summary>How the connection is protected. Default <see cref="LdapSecurity.Ldaps"/>.</summary>
    public LdapSecurity Security { get; set; } = LdapSecurity.Ldaps;

    /// <summary>
    /// A folder of trusted CA certificates in OpenSSL's hashed layout (<c>openssl rehash</c>), used instead of the
    /// system's for LDAPS. Default: the system's. The certificate is always checked (there is no switch to turn the
    /// check off: it would hand every password to whoever sits on the network path).
    /// </summary>
    public string? TrustedCertificatesDirectory { get; set; }

    /// <summary>The service account that finds users and re-reads groups, e.g. <c>CN=svc-copilot,OU=Service,DC=plant,DC=local</c>. Required when enabled.</summary>
    public string BindDn { get; set; } = "";

    /// <summary>Its password: set it in the environment (<c>ICP_Auth__Ldap__BindPassword</c>), never in a file under version control.</summary>
    public string BindPassword { get; set; } = "";

    /// <summary>Where users are searched, e.g. <c>OU=Staff,DC=plant,DC=local</c>. Required when enabled.</summary>
    public string BaseDn { get; set; } = "";

    /// <summary>
    /// The filter that finds a user by the name typed; <c>{0}</c> is the name, escaped. Default
    /// <c>(&amp;(objectClass=user)(sAMAccountName={0}))</c> (AD); OpenLDAP: <c>(&amp;(objectClass=inetOrgPerson)(uid={0}))</c>;
    /// by UPN: <c>(userPrincipalName={0})</c>.
    /// </summary>
    public string UserFilter { get; set; } = "(&(objectClass=user)(sAMAccountName={0}))";

    /// <summary>The attribute shown as the person's name. Default <c>displayName</c> (the name typed when absent).</summary>
    public string DisplayNameAttribute { get; set; } = "displayName";

    /// <summary>How groups are read. Default <see cref="GroupLookup.MemberOf"/>.</summary>
    public GroupLookup Groups { get; set; } = GroupLookup.MemberOf;

    /// <summary>Where groups are searched (<see cref="GroupLookup.Search"/>, <see cref="GroupLookup.ActiveDirectoryNested"/>). Default: <see cref="BaseDn"/>.</summary>
    public string? GroupBaseDn { get; set; }

    /// <summary>Seconds to wait for the directory. Default 10.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The port used: <see cref="Port"/> or the default for <see cref="Security"/>.</summary>
    public int EffectivePort => Port ?? (Security == LdapSecurity.Ldaps ? 636 : 389);

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var (value, name) in new[] { (Host, nameof(Host)), (BindDn, nameof(BindDn)), (BaseDn, nameof(BaseDn)) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"Auth:Ldap:{name} is required when Auth:Ldap:Enabled is true";
            }
        }
        if (!UserFilter.Contains("{0}", StringComparison.Ordinal) || !UserFilter.StartsWith('(') || !UserFilter.EndsWith(')'))
        {
            yield return "Auth:Ldap:UserFilter must be a parenthesised LDAP filter holding {0} for the user name";
        }

        if (EffectivePort is < 1 or > 65535 || TimeoutSeconds is < 1 or > 300)
        {
            yield return "Auth:Ldap:Port must be 1–65535 and TimeoutSeconds 1–300";
        }
    }
}
