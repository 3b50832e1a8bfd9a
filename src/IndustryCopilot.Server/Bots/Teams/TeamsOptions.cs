using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>
/// The Microsoft Teams bot over the Bot Framework protocol (configuration section <c>Bots:Teams</c>; absent: off, 404).
/// AppId and ClientSecret are the bot's Entra ID app registration (Azure Bot resource).
/// </summary>
public sealed class TeamsOptions : IValidatedOptions
{
    public const string Section = "Bots:Teams";

    /// <summary>The bot's Microsoft App ID: the audience every incoming token must carry.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret, for the tokens with which answers are sent to the Bot Connector (set it through the environment).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Tenant whose token endpoint issues the bot's outgoing tokens. Default <c>botframework.com</c> (multi-tenant bots); a single-tenant bot uses its tenant id.</summary>
    public string TenantId { get; set; } = "botframework.com";

    /// <summary>Where the Bot Framework publishes its signing keys. Default <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The client-credentials token endpoint. Default <c>https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Allowed clock difference when checking token lifetimes, in seconds. Default 300 (what the Bot Framework SDKs allow).</summary>
    public int ClockSkewSeconds { get; set; } = 300;

    /// <summary>
    /// Least time between two fetches of the signing keys caused by an unknown key id, in seconds, so forged tokens
    /// cannot make the server hammer the metadata endpoint. Default 60. Keys are fetched again after 24 hours anyway.
    /// </summary>
    public int KeyRefreshMinimumSeconds { get; set; } = 60;

    /// <summary>Who may ask through Teams and which access groups they see.</summary>
    public BotAccess Access { get; set; } = new();

    public string Issuer => "https://api.botframework.com";

    public string Scope => "https://api.botframework.com/.default";

    public Uri TokenUrl => new(TokenEndpoint ?? $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token");

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(AppId) || string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return $"{Section}: AppId and ClientSecret are required";
        }

        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out _) || (TokenEndpoint is not null && !Uri.TryCreate(TokenEndpoint, UriKind.Absolute, out _)))
        {
            yield return $"{Section}: OpenIdMetadataUrl and TokenEndpoint must be absolute URLs";
        }

        if (ClockSkewSeconds is < 0 or > 900 || KeyRefreshMinimumSeconds is < 0 or > 86_400)
        {
            yield return $"{Section}: ClockSkewSeconds 0–900 and KeyRefreshMinimumSeconds 0–86400";
        }

        foreach (var problem in Access.Problems(Section))
        {
            yield return problem;
        }
    }
}
