using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IndustryCopilot.Server.Tests.Bots.Teams;

/// <summary>
/// The Bot Framework's side on loopback: OpenID metadata and JWKS with locally generated RSA keys, the Entra ID token
/// endpoint, and the connector (<c>/v3/conversations/…</c>); mints channel tokens the way the Bot Framework does.
/// </summary>
internal sealed class BotFrameworkFake : IDisposable
{
    public const string AppId = "5d8a6c6e-0d59-4d1e-9b1b-7c2b0c7e4a11";
    public const string Issuer = "https://api.botframework.com";

    private readonly RSA _key1 = RSA.Create(2048);
    private readonly RSA _key2 = RSA.Create(2048);

    public BotFrameworkFake() => Server = new LoopbackServer(Respond);

    public LoopbackServer Server { get; }

    /// <summary>Whether the OpenID metadata answers 503 (the signing-key metadata cannot be fetched).</summary>
    public bool MetadataDown { get; set; }

    /// <summary>Whether the JWKS also publishes key "k2" (a key rotation).</summary>
    public bool PublishSecondKey { get; set; }

    public Dictionary<string, string> Settings => new()
    {
        ["Bots:Teams:AppId"] = AppId,
        ["Bots:Teams:ClientSecret"] = "bot-secret",
        ["Bots:Teams:OpenIdMetadataUrl"] = Server.BaseUrl + "/v1/.well-known/openidconfiguration",
        ["Bots:Teams:TokenEndpoint"] = Server.BaseUrl + "/botframework.com/oauth2/v2.0/token",
        ["Bots:Teams:KeyRefreshMinimumSeconds"] = "0",
    };

    /// <summary>A channel token; every part can be made wrong for the rejection tests.</summary>
    public string Token(string keyId = "k1", string issuer = Issuer, string audience = AppId, string? serviceUrl = null, DateTime? expires = null, RSA? key = null)
    {
        var signing = new RsaSecurityKey(key ?? (keyId == "k2" ? _key2 : _key1)) { KeyId = keyId };
        var notBefore = (expires ?? DateTime.UtcNow.AddMinutes(30)).AddHours(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? Server.BaseUrl },
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims, unsigned: <c>alg: none</c> and an empty signature.</summary>
    public static string UnsignedToken()
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "JWT", kid = "k1" })}.{Part(new { iss = Issuer, aud = AppId, serviceurl = "x", nbf = now - 60, exp = now + 600 })}.";
    }

    /// <summary>A personal-chat message activity shaped as the Bot Framework activity schema documents it.</summary>
    public string Message(string text, string id = "1481567603816", string channelId = "msteams") => JsonSerializer.Serialize(new
    {
        type = "message",
        id,
        timestamp = "2026-11-27T08:00:00.000Z",
        serviceUrl = Server.BaseUrl,
        channelId,
        from = new { id = "29:1zPq8fRmTlyBu2T5Vq1", name = "Li Wei", aadObjectId = "8c0a1f4e-3b6d-4f0e-9e47-2a1d6f3c9b10" },
        conversation = new { id = "a:1Y6Hn1cVd4QJ_personal", conversationType = "personal", tenantId = "72f988bf-0000-0000-0000-000000000000" },
        recipient = new { id = "28:" + AppId, name = "IndustryCopilot" },
        text,
        textFormat = "plain",
        locale = "zh-CN",
    });

    public void Dispose()
    {
        Server.Dispose();
        _key1.Dispose();
        _key2.Dispose();
    }

    private (int, string, string) Respond(LoopbackRequest request)
    {
        var path = request.PathAndQuery;
        if (path == "/v1/.well-known/openidconfiguration" && MetadataDown)
        {
            return (503, "text/plain", "down");
        }

        if (path == "/v1/.well-known/openidconfiguration")
        {
            return (200, "application/json", JsonSerializer.Serialize(new { issuer = Issuer, jwks_uri = Server.BaseUrl + "/v1/.well-known/keys", id_token_signing_alg_values_supported = new[] { "RS256" } }));
        }

        if (path == "/v1/.well-known/keys")
        {
            var keys = new List<object> { Jwk("k1", _key1) };
            if (PublishSecondKey)
            {
                keys.Add(Jwk("k2", _key2));
            }

            return (200, "application/json", JsonSerializer.Serialize(new { keys }));
        }

        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            return (200, "application/json", """{"token_type":"Bearer","expires_in":3599,"access_token":"bot-token-1"}""");
        }

        return (200, "application/json", """{"id":"reply-1"}""");
    }

    private static object Jwk(string kid, RSA key)
    {
        var p = key.ExportParameters(false);
        return new { kty = "RSA", use = "sig", kid, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = new[] { "msteams", "webchat" } };
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
