using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// How people sign in to the chat UI (configuration section <c>Auth</c>). Off by default: with neither method enabled
/// the UI asks for an API key as before. API keys keep working for programs whatever is configured here.
/// </summary>
public sealed class AuthOptions : IValidatedOptions
{
    public const string Section = "Auth";

    /// <summary>Sign-in with the plant's directory (LDAP / Active Directory bind).</summary>
    public LdapOptions Ldap { get; set; } = new();

    /// <summary>Single sign-on through an OpenID Connect provider (ADFS, Entra ID, Keycloak, Authing…).</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>
    /// Directory groups (an LDAP group's DN, or a value of the OIDC groups claim; compared ignoring case) → the
    /// document access groups and the role they give. A person gets the union of the groups and the highest role
    /// of every entry they match. Default: empty.
    /// </summary>
    public GroupMapping[] GroupMap { get; set; } = [];

    /// <summary>
    /// What a signed-in person matching no <see cref="GroupMap"/> entry gets: <c>Public</c> (reader of
    /// <c>public</c> documents) or <c>Refuse</c> (sign-in refused). Default <c>Public</c>.
    /// </summary>
    public UnmappedUsers UnmappedUsers { get; set; } = UnmappedUsers.Public;

    /// <summary>
    /// How often a live session's group membership is read again from the directory, in minutes (a person removed
    /// from a group loses its documents within this time; a person removed from the directory loses access). OIDC
    /// sessions end after this time and sign in again through the provider. Default 15.
    /// </summary>
    public int RefreshMinutes { get; set; } = 15;

    /// <summary>A session ends after this many minutes without a request (sliding). Default 480 (a shift).</summary>
    public int SessionIdleMinutes { get; set; } = 480;

    /// <summary>A session ends this many hours after sign-in, however active. Default 12.</summary>
    public int SessionMaxHours { get; set; } = 12;

    /// <summary>Failed sign-ins allowed for one user name before it is locked out for <see cref="LockoutMinutes"/>. Default 5.</summary>
    public int MaxFailuresPerUser { get; set; } = 5;

    /// <summary>Failed sign-ins allowed from one client address before it is locked out for <see cref="LockoutMinutes"/>. Default 20.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>How long a lockout lasts, in minutes; failures older than this are forgotten. Default 15.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>True when people sign in (either method); false keeps the API-key page.</summary>
    public bool Enabled => Ldap.Enabled || Oidc.Enabled;

    public IEnumerable<string> Problems()
    {
        var checks = new (bool Ok, string Message)[]
        {
            (RefreshMinutes is >= 1 and <= 1440, "RefreshMinutes must be between 1 and 1440"),
            (SessionIdleMinutes is >= 1 and <= 10_080, "SessionIdleMinutes must be between 1 and 10080"),
            (SessionMaxHours is >= 1 and <= 720, "SessionMaxHours must be between 1 and 720"),
            (MaxFailuresPerUser is >= 1 and <= 1000, "MaxFailuresPerUser must be between 1 and 1000"),
            (MaxFailuresPerAddress is >= 1 and <= 100_000, "MaxFailuresPerAddress must be between 1 and 100000"),
            (LockoutMinutes is >= 1 and <= 1440, "LockoutMinutes must be between 1 and 1440"),
        };
        var entries = GroupMap.SelectMany((entry, i) => new[]
        {
            (!string.IsNullOrWhiteSpace(entry.Directory), $"GroupMap:{i}:Directory is required"),
            (entry.Groups.Length > 0 || entry.Role is not null, $"GroupMap:{i} must give groups or a role"),
        });
        return checks.Concat(entries).Where(c => !c.Item1).Select(c => $"{Section}:{c.Item2}").Concat(Ldap.Problems()).Concat(Oidc.Problems());
    }

}
