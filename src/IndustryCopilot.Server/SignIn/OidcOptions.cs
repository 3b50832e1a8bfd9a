using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Single sign-on through an OpenID Connect provider (section <c>Auth:Oidc</c>): the authorization-code flow with PKCE;
/// the provider's groups claim is mapped through <c>Auth:GroupMap</c>.
/// </summary>
public sealed class OidcOptions : IValidatedOptions
{
    /// <summary>Show the single sign-on button. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The provider's issuer URL (its <c>/.well-known/openid-configuration</c> is read from there). Required when enabled.</summary>
    public string Authority { get; set; } = "";

    /// <summary>This server's client id at the provider. Required when enabled.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret: set it in the environment (<c>ICP_Auth__Oidc__ClientSecret</c>). Empty for a public client.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Scopes asked for. Default <c>openid profile</c>; many providers need a <c>groups</c> scope as well.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>The claim that carries the person's groups. Default <c>groups</c>.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>The claim shown as the person's name. Default <c>name</c>, then <c>preferred_username</c>.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The button's label, e.g. the provider's name. Default "SSO".</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>Refuse a provider reached over plain HTTP. Default true; only a provider on this machine (tests) may do without.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The scopes used: <see cref="Scopes"/>, or <c>openid profile</c> when none is configured.</summary>
    // Not the property's initial value: configuration binding appends to an array instead of replacing it.
    public IReadOnlyList<string> EffectiveScopes => Scopes.Length > 0 ? [.. Scopes.Append("openid").Distinct(StringComparer.Ordinal)] : ["openid", "profile"];

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        var authority = Uri.TryCreate(Authority, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" ? parsed : null;
        if (authority is null)
        {
            yield return "Auth:Oidc:Authority must be the provider's absolute issuer URL when Auth:Oidc:Enabled is true";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Auth:Oidc:ClientId is required when Auth:Oidc:Enabled is true";
        }

        if (RequireHttpsMetadata && authority is not null && authority.Scheme != "https")
        {
            yield return "Auth:Oidc:Authority must use https (set RequireHttpsMetadata=false only for a provider on this machine)";
        }
    }
}
