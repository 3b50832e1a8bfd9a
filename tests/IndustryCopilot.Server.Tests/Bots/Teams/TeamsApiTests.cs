using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Bots.Teams;

public sealed class TeamsApiTests : IDisposable
{
    private readonly BotFrameworkFake _bf = new();

    [Fact]
    public async Task Message_ValidToken_TypingThenAnswerWithSourcesCardToTheConversation()
    {
        using var server = new CorpusServer { Settings = _bf.Settings };
        using var client = await server.ReadyClientAsync();

        var response = await Post(client, _bf.Message("<at>IndustryCopilot</at> M12 螺栓的拧紧力矩是多少？"), _bf.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replyPath = "/v3/conversations/a%3A1Y6Hn1cVd4QJ_personal/activities/1481567603816";
        var answer = await _bf.Server.WaitForAsync(r => r.PathAndQuery == replyPath && r.Body.Contains("\"message\"", StringComparison.Ordinal));
        var activities = _bf.Server.Requests.Where(r => r.PathAndQuery == replyPath).ToList();
        Assert.Equal("typing", JsonDocument.Parse(activities[0].Body).RootElement.GetProperty("type").GetString());
        Assert.Equal("Bearer bot-token-1", answer.Authorization);
        var reply = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal("1481567603816", reply.GetProperty("replyToId").GetString());
        Assert.Equal("a:1Y6Hn1cVd4QJ_personal", reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("29:1zPq8fRmTlyBu2T5Vq1", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("28:" + BotFrameworkFake.AppId, reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Contains("| M12 | 8.8 | 82 | ±8% |", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var card = reply.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", card.GetProperty("content").GetProperty("type").GetString());
        Assert.StartsWith("[1] ", card.GetProperty("content").GetProperty("body")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var token = _bf.Server.Requests.Single(r => r.PathAndQuery.EndsWith("/token", StringComparison.Ordinal)).Body;
        Assert.Contains("grant_type=client_credentials", token, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", token, StringComparison.Ordinal);
        var audit = server.Services.GetRequiredService<Hosting.Audit.IAuditLog>();
        Assert.Equal("teams:8c0a1f4e-3b6d-4f0e-9e47-2a1d6f3c9b10", Assert.Single((await audit.QueryAsync(new Hosting.Audit.AuditQuery { Channel = "teams" }, null))).Entry.KeyId);
    }

    [Fact]
    public async Task Message_NoDirectAnswer_ReplyOpensWithTheClosestPassagesLabel()
    {
        var settings = new Dictionary<string, string>(_bf.Settings) { ["Answering:GateThreshold"] = "0", ["Answering:AnswerThreshold"] = "1" };
        using var server = new CorpusServer { Settings = settings };
        using var client = await server.ReadyClientAsync();

        await Post(client, _bf.Message("<at>IndustryCopilot</at> M12 螺栓的拧紧力矩是多少？"), _bf.Token());

        var answer = await _bf.Server.WaitForAsync(r => r.Body.Contains("\"message\"", StringComparison.Ordinal));
        var text = JsonDocument.Parse(answer.Body).RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("未能确认直接答案，以下条款最相关：", text, StringComparison.Ordinal);
        Assert.DoesNotContain("根据知识库文件原文", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_BadTokens_401AndNothingSent()
    {
        using var server = new CorpusServer { Settings = _bf.Settings };
        using var client = await server.ReadyClientAsync();
        using var stranger = RSA.Create(2048);
        var message = _bf.Message("hello");

        var tokens = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["expired"] = _bf.Token(expires: DateTime.UtcNow.AddMinutes(-10)),
            ["wrong audience"] = _bf.Token(audience: "another-bot"),
            ["wrong issuer"] = _bf.Token(issuer: "https://sts.windows.net/evil/"),
            ["alg none"] = BotFrameworkFake.UnsignedToken(),
            ["unknown key"] = _bf.Token(keyId: "k9", key: stranger),
            ["forged with a known kid"] = _bf.Token(keyId: "k1", key: stranger),
            ["wrong serviceUrl"] = _bf.Token(serviceUrl: "https://smba.trafficmanager.net/evil/"),
        };

        foreach (var (name, token) in tokens)
        {
            var response = await Post(client, message, token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {response.StatusCode}");
        }

        // A valid token, but the signing key is endorsed for msteams and webchat only.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, _bf.Message("hello", channelId: "slack"), _bf.Token())).StatusCode);
        var accepted = _bf.Message("hello", "accepted-1");
        Assert.Equal(HttpStatusCode.OK, (await Post(client, accepted, _bf.Token(expires: DateTime.UtcNow.AddMinutes(-2)))).StatusCode);   // within the 5-minute skew

        // Replies go out one activity at a time in arrival order: once the accepted one's answer is out, anything a
        // rejected activity had queued would have been sent before it.
        await _bf.Server.WaitForAsync(r => r.PathAndQuery.StartsWith("/v3/", StringComparison.Ordinal) && r.Body.Contains("\"message\"", StringComparison.Ordinal));
        Assert.All(_bf.Server.Requests.Where(r => r.PathAndQuery.StartsWith("/v3/", StringComparison.Ordinal)), r => Assert.Contains("/activities/accepted-1", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_RotatedAfterFirstFetch_UnknownKidFetchesTheKeysAgain()
    {
        using var server = new CorpusServer { Settings = _bf.Settings };
        using var client = await server.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "a1"), _bf.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, _bf.Message("/help", "a2"), _bf.Token(keyId: "k2"))).StatusCode);
        _bf.PublishSecondKey = true;
        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "a3"), _bf.Token(keyId: "k2"))).StatusCode);

        Assert.Equal(3, _bf.Server.Requests.Count(r => r.PathAndQuery == "/v1/.well-known/keys"));
    }

    [Fact]
    public async Task Token_ForgedWhileMetadataCannotBeFetched_401NeverServerError()
    {
        using var server = new CorpusServer { Settings = _bf.Settings };
        using var client = await server.ReadyClientAsync();
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        _bf.MetadataDown = true;

        // Never fetched: what can be judged without keys is refused; a well-formed token cannot be judged at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, _bf.Message("/help", "f1"), _bf.Token(audience: "someone-else", key: forger))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, _bf.Message("/help", "f2"), _bf.Token(issuer: "https://evil.example", key: forger))).StatusCode);
        var unjudged = await Post(client, _bf.Message("/help", "f3"), _bf.Token(key: forger));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unjudged.StatusCode);
        Assert.NotNull(unjudged.Headers.RetryAfter);

        // Keys fetched once keep judging while the metadata is down again.
        _bf.MetadataDown = false;
        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "g1"), _bf.Token())).StatusCode);
        _bf.MetadataDown = true;
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, _bf.Message("/help", "f4"), _bf.Token(key: forger))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, _bf.Message("/help", "f5"), _bf.Token(keyId: "k9", key: forger))).StatusCode);
    }

    [Fact]
    public async Task Message_DeliveredAgainWithItsIdRecased_AnsweredOnce()
    {
        using var server = new CorpusServer { Settings = _bf.Settings };
        using var client = await server.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "act-R1"), _bf.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "act-R1"), _bf.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "ACT-r1"), _bf.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, _bf.Message("/help", "act-R2"), _bf.Token())).StatusCode);

        // The worker answers in order: once the last one is answered, every earlier answer has been sent.
        await _bf.Server.WaitForAsync(r => r.PathAndQuery.EndsWith("/activities/act-R2", StringComparison.Ordinal) && r.Body.Contains("\"message\"", StringComparison.Ordinal));
        Assert.Single(_bf.Server.Requests, r => r.PathAndQuery.EndsWith("/activities/act-R1", StringComparison.OrdinalIgnoreCase) && r.Body.Contains("\"message\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoint_NoTeamsSection_404()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await Post(client, _bf.Message("hi"), _bf.Token())).StatusCode);
    }

    public void Dispose() => _bf.Dispose();

    private static async Task<HttpResponseMessage> Post(HttpClient client, string activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bots/teams") { Content = BotFrameworkFake.Json(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
