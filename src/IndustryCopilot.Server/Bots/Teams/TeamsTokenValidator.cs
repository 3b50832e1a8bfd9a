using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> JWT the Bot Framework sends with every activity: RS256 signature by a key
/// from the OpenID metadata's JWKS (cached 24 h; fetched again on an unknown key id, at most once per
/// <see cref="TeamsOptions.KeyRefreshMinimumSeconds"/>), issuer <c>https://api.botframework.com</c>, audience = the
/// bot's app id, lifetime within the clock skew, the key endorsed for the activity's channel when the key lists
/// endorsements, and the token's <c>serviceurl</c> claim equal to the activity's <c>serviceUrl</c>. When the keys cannot
/// be fetched, keys fetched earlier still serve; with none at all it throws <see cref="SigningKeysUnavailableException"/>.
/// </summary>
internal sealed class TeamsTokenValidator(HttpClient http, TeamsOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly JsonWebTokenHandler _handler = new();
    private JsonWebKeySet? _keys;
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;

    /// <summary>Null when the token is valid for <paramref name="activity"/>; else why not.</summary>
    public async Task<string?> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "no bearer token";
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return "not a JWT";
        }

        // What can be judged without the signing keys is judged first: a token for another bot, issuer or time is
        // refused (401) even while the keys cannot be fetched.
        var unverified = new JsonWebToken(token);
        if (Precheck(unverified) is { } refused)
        {
            return refused;
        }

        var kid = unverified.Kid;
        var keys = await KeysAsync(refresh: false, cancellationToken);
        if (!keys.Keys.Any(k => k.Kid == kid))
        {
            keys = await KeysAsync(refresh: true, cancellationToken);
        }

        var key = keys.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null)
        {
            return "signed by an unknown key";
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
            LifetimeValidator = (notBefore, expires, _, parameters) => Lifetime(notBefore, expires, parameters.ClockSkew),
        });
        if (!result.IsValid)
        {
            return result.Exception?.GetType().Name ?? "invalid token";
        }

        if (Endorsements(key) is { } endorsed && (activity.ChannelId is null || !endorsed.Contains(activity.ChannelId)))
        {
            return "signing key not endorsed for this channel";
        }

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claimed) ? claimed as string : null;
        return serviceUrl is not null && string.Equals(serviceUrl.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? null
            : "serviceurl claim does not match the activity";
    }

    public void Dispose() => _lock.Dispose();

    private string? Precheck(JsonWebToken token)
    {
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return "not signed with RS256";
        }

        if (!string.Equals(token.Issuer, options.Issuer, StringComparison.Ordinal))
        {
            return "wrong issuer";
        }

        if (!token.Audiences.Contains(options.AppId, StringComparer.Ordinal))
        {
            return "wrong audience";
        }

        DateTime? notBefore = token.TryGetPayloadValue<long>("nbf", out _) ? token.ValidFrom : null;
        DateTime? expires = token.TryGetPayloadValue<long>("exp", out _) ? token.ValidTo : null;
        return Lifetime(notBefore, expires, TimeSpan.FromSeconds(options.ClockSkewSeconds)) ? null : "expired or not yet valid";
    }

    // Judged on our TimeProvider, not the machine clock the library would use.
    private bool Lifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } e && now <= e.ToUniversalTime() + skew && (notBefore is not { } n || now >= n.ToUniversalTime() - skew);
    }

    private static HashSet<string>? Endorsements(JsonWebKey key) =>
        key.AdditionalData.TryGetValue("endorsements", out var value) && value is JsonElement { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase)
            : key.AdditionalData.TryGetValue("endorsements", out var other) && other is IEnumerable<object> items
                ? items.Select(i => i?.ToString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase)
                : null;

    private async Task<JsonWebKeySet> KeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var age = time.GetUtcNow() - _fetched;
            if (_keys is not null && age < TimeSpan.FromHours(24) && (!refresh || age < TimeSpan.FromSeconds(options.KeyRefreshMinimumSeconds)))
            {
                return _keys;
            }

            try
            {
                using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.OpenIdMetadataUrl, cancellationToken));
                var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
                if (jwksUri is null)
                {
                    throw new SigningKeysUnavailableException("the OpenID metadata has no jwks_uri");
                }

                _keys = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken)) { SkipUnresolvedJsonWebKeys = true };
                _fetched = time.GetUtcNow();
                return _keys;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or ArgumentException or SigningKeysUnavailableException
                                          || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Keys fetched before still judge tokens (an unknown key id is then simply refused); only a server
                // that has never had keys cannot judge anything.
                return _keys ?? throw new SigningKeysUnavailableException(e.Message, e);
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
