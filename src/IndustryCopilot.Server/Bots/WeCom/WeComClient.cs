using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndustryCopilot.Server.Bots.WeCom;

/// <summary>
/// WeCom's active message API: <c>gettoken</c> (corpid + secret; the token is cached until shortly before it expires,
/// and fetched again once when WeCom says it is invalid or expired) and <c>message/send</c> to one user. Every non-zero
/// errcode is logged with WeCom's errmsg.
/// </summary>
internal sealed partial class WeComClient(HttpClient http, WeComOptions options, TimeProvider time, ILogger<WeComClient> logger) : IDisposable
{
    // 40014: invalid access_token; 42001: access_token expired.
    private static readonly int[] TokenErrors = [40014, 42001];

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>Sends one message; false (logged) when WeCom refuses it.</summary>
    public async Task<bool> SendAsync(string user, string content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var token = await TokenAsync(refresh: attempt > 0, cancellationToken);
            if (token is null)
            {
                return false;
            }

            object body = options.MessageType == "markdown"
                ? new { touser = user, msgtype = "markdown", agentid = options.AgentId, markdown = new { content } }
                : new { touser = user, msgtype = "text", agentid = options.AgentId, text = new { content } };
            using var response = await http.PostAsJsonAsync(Url($"/cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}"), body, cancellationToken);
            var result = await Read(response, cancellationToken);
            if (result.ErrCode == 0)
            {
                return true;
            }

            LogError("message/send", result.ErrCode, result.ErrMsg);
            if (!TokenErrors.Contains(result.ErrCode))
            {
                return false;
            }
        }

        return false;
    }

    private async Task<string?> TokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (!refresh && _token is not null && time.GetUtcNow() < _expires)
            {
                return _token;
            }

            using var response = await http.GetAsync(Url($"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(options.CorpId)}&corpsecret={Uri.EscapeDataString(options.Secret)}"), cancellationToken);
            var result = await Read(response, cancellationToken);
            if (result.ErrCode != 0 || string.IsNullOrEmpty(result.AccessToken))
            {
                LogError("gettoken", result.ErrCode, result.ErrMsg);
                _token = null;
                return null;
            }

            // Renew a minute early so a token never expires between being read here and used.
            _token = result.AccessToken;
            _expires = time.GetUtcNow().AddSeconds(Math.Max(result.ExpiresIn - 60, 0));
            return _token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    public void Dispose() => _tokenLock.Dispose();

    private Uri Url(string pathAndQuery) => new(options.ApiBaseUrl.TrimEnd('/') + pathAndQuery);

    private static async Task<WeComResult> Read(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return new WeComResult { ErrCode = -(int)response.StatusCode, ErrMsg = $"HTTP {(int)response.StatusCode}" };
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<WeComResult>(cancellationToken) ?? new WeComResult { ErrCode = -1, ErrMsg = "empty response" };
        }
        catch (JsonException e)
        {
            return new WeComResult { ErrCode = -1, ErrMsg = "not JSON: " + e.Message };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom {Api} failed: errcode {ErrCode} {ErrMsg}")]
    private partial void LogError(string api, int errCode, string? errMsg);

    private sealed class WeComResult
    {
        [JsonPropertyName("errcode")]
        public int ErrCode { get; init; }

        [JsonPropertyName("errmsg")]
        public string? ErrMsg { get; init; }

        [JsonPropertyName("access_token")]
        public string? AccessToken { get; init; }

        [JsonPropertyName("expires_in")]
        public int ExpiresIn { get; init; }
    }
}
