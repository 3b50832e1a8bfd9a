using System.Net.Http.Headers;
using System.Text.Json;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>
/// Sends activities back through the Bot Framework connector: <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>
/// with a bearer token obtained by client credentials from the configured Entra ID token endpoint (scope
/// <c>https://api.botframework.com/.default</c>), cached until shortly before it expires.
/// </summary>
internal sealed partial class TeamsConnector(HttpClient http, TeamsOptions options, TimeProvider time, ILogger<TeamsConnector> logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>Posts <paramref name="reply"/> as a reply to <paramref name="incoming"/>; false (logged) when the connector refuses it.</summary>
    public async Task<bool> ReplyAsync(Activity incoming, Activity reply, CancellationToken cancellationToken)
    {
        var url = $"{incoming.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(incoming.Conversation!.Id)}/activities/{Uri.EscapeDataString(incoming.Id ?? "")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(reply) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused((int)response.StatusCode, reply.Type, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _lock.Dispose();

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && time.GetUtcNow() < _expires)
            {
                return _token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.AppId,
                ["client_secret"] = options.ClientSecret,
                ["scope"] = options.Scope,
            });
            using var response = await http.PostAsync(options.TokenUrl, form, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"token endpoint answered {(int)response.StatusCode}: {body}");
            }

            using var json = JsonDocument.Parse(body);
            _token = json.RootElement.GetProperty("access_token").GetString() ?? throw new HttpRequestException("token endpoint gave no access_token");
            var seconds = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
            _expires = time.GetUtcNow().AddSeconds(Math.Max(seconds - 300, 0));
            return _token;
        }
        finally
        {
            _lock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework connector answered {Status} to a {Type} activity: {Body}")]
    private partial void LogRefused(int status, string type, string body);
}
