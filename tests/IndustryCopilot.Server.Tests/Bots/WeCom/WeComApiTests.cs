using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IndustryCopilot.Server.Bots.WeCom;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Server.Tests.Bots.WeCom;

public sealed class WeComApiTests : IDisposable
{
    private readonly LoopbackServer _wecom;
    private int _tokens;
    private int _failSendsWith;

    public WeComApiTests() => _wecom = new LoopbackServer(Respond);

    [Fact]
    public async Task Verify_OfficialSampleVector_EchoesThePlaintext()
    {
        using var server = Server(WeComSample.VerifyTimestamp);
        using var client = await server.ReadyClientAsync();

        var response = await client.GetAsync($"/api/bots/wecom?msg_signature={WeComSample.VerifySignature}&timestamp={WeComSample.VerifyTimestamp}&nonce={WeComSample.VerifyNonce}&echostr={Uri.EscapeDataString(WeComSample.VerifyEchoStr)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WeComSample.VerifyPlaintext, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Receive_OfficialSampleMessage_AcknowledgedThenAnsweredThroughGettokenAndMessageSend()
    {
        using var server = Server(WeComSample.MessageTimestamp);
        using var client = await server.ReadyClientAsync();

        var response = await client.PostAsync($"/api/bots/wecom?msg_signature={WeComSample.MessageSignature}&timestamp={WeComSample.MessageTimestamp}&nonce={WeComSample.MessageNonce}", Xml(WeComSample.MessageEnvelope));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var token = await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/gettoken", StringComparison.Ordinal));
        Assert.Equal($"/cgi-bin/gettoken?corpid={WeComSample.CorpId}&corpsecret=sample-secret", token.PathAndQuery);
        var send = await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
        Assert.Equal("/cgi-bin/message/send?access_token=token-1", send.PathAndQuery);
        var body = JsonDocument.Parse(send.Body).RootElement;
        Assert.Equal("mycreate", body.GetProperty("touser").GetString());   // FromUserName of the decrypted sample
        Assert.Equal(1000002, body.GetProperty("agentid").GetInt32());
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("text").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task Receive_CorpusQuestion_AnswerWithNumberedSourcesSentAndAudited()
    {
        using var server = Server(null, ("Bots:WeCom:MessageType", "markdown"));
        using var client = await server.ReadyClientAsync();

        var response = await client.PostAsync(Signed(Message("zhangsan", "M12 螺栓的拧紧力矩是多少？"), Now(), "n-1"), Xml(Envelope(Message("zhangsan", "M12 螺栓的拧紧力矩是多少？"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var send = await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
        var body = JsonDocument.Parse(send.Body).RootElement;
        var content = body.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Equal("zhangsan", body.GetProperty("touser").GetString());
        Assert.Contains("| M12 | 8.8 | 82 | ±8% |", content, StringComparison.Ordinal);
        Assert.Contains("来源：\n[1] ", content, StringComparison.Ordinal);
        var audit = server.Services.GetRequiredService<Hosting.Audit.IAuditLog>();
        var entry = Assert.Single((await audit.QueryAsync(new Hosting.Audit.AuditQuery(), null))).Entry;
        Assert.Equal("wecom", entry.Channel);
        Assert.Equal("wecom:zhangsan", entry.KeyId);
    }

    [Fact]
    public async Task Receive_NoDirectAnswer_SentTextOpensWithTheClosestPassagesLabel()
    {
        using var server = Server(null, ("Answering:GateThreshold", "0"), ("Answering:AnswerThreshold", "1"));
        using var client = await server.ReadyClientAsync();

        await client.PostAsync(Signed(Message("lisi", "M12 螺栓的拧紧力矩是多少？"), Now(), "n-closest"), Xml(Envelope(Message("lisi", "M12 螺栓的拧紧力矩是多少？"))));

        var send = await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
        var body = JsonDocument.Parse(send.Body).RootElement;
        var content = body.GetProperty(body.GetProperty("msgtype").GetString()!).GetProperty("content").GetString()!;
        Assert.StartsWith("未能确认直接答案，以下条款最相关：", content, StringComparison.Ordinal);
        Assert.Contains("来源：\n[1] ", content, StringComparison.Ordinal);
        var audit = server.Services.GetRequiredService<Hosting.Audit.IAuditLog>();
        Assert.Equal(Core.Answering.AnswerOutcome.Closest, Assert.Single((await audit.QueryAsync(new Hosting.Audit.AuditQuery(), null))).Entry.Outcome);
    }

    [Fact]
    public async Task Receive_HelpCommand_EncryptedPassiveReply()
    {
        using var server = Server(null);
        using var client = await server.ReadyClientAsync();

        var response = await client.PostAsync(Signed(Message("lisi", "/help"), Now(), "n-2"), Xml(Envelope(Message("lisi", "/help"))));

        var envelope = XElement.Parse(await response.Content.ReadAsStringAsync());
        var encrypted = envelope.Element("Encrypt")!.Value;
        Assert.Equal(WeComCrypto.Signature(WeComSample.Token, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypted), envelope.Element("MsgSignature")!.Value);
        var (plain, receiveId) = WeComCrypto.Decrypt(WeComCrypto.Key(WeComSample.EncodingAesKey), encrypted);
        Assert.Equal(WeComSample.CorpId, receiveId);
        var reply = XElement.Parse(plain);
        Assert.Equal("lisi", reply.Element("ToUserName")!.Value);
        Assert.Contains("/new", reply.Element("Content")!.Value, StringComparison.Ordinal);
        Assert.Empty(_wecom.Requests);
    }

    [Fact]
    public async Task Receive_QuestionStartingWithSlash_AnsweredLaterNotInsideTheCallback()
    {
        using var server = Server(null);
        using var client = await server.ReadyClientAsync();

        var response = await client.PostAsync(Signed(Message("lisi", "/E-217 是什么报警"), Now(), "n-12"), Xml(Envelope(Message("lisi", "/E-217 是什么报警"))));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receive_ForgedStaleWrongCorpOrReplayed_403()
    {
        using var server = Server(null);
        using var client = await server.ReadyClientAsync();
        var message = Message("wangwu", "hello");
        var key = WeComCrypto.Key(WeComSample.EncodingAesKey);
        var foreignCorp = WeComCrypto.Encrypt(key, message, "wwforeigncorp0001");

        var tampered = await client.PostAsync(Signed(message, Now(), "n-3").Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal)[..^1], Xml(Envelope(message)));
        var stale = await client.PostAsync(Signed(message, Now() - 3600, "n-4"), Xml(Envelope(message)));
        var wrongCorp = await client.PostAsync(SignedEncrypted(foreignCorp, Now(), "n-5"), Xml(EnvelopeOf(foreignCorp)));
        var first = await client.PostAsync(Signed(message, Now(), "n-6"), Xml(Envelope(message)));
        var replay = await client.PostAsync(Signed(message, Now(), "n-6"), Xml(Envelope(message)));

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongCorp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
    }

    [Fact]
    public async Task Receive_ReplayWithTheSignatureRecased_403AndAnsweredOnce()
    {
        using var server = Server(null);
        using var client = await server.ReadyClientAsync();
        var message = Message("wangwu", "How often is the AC-37 compressor oil changed?");
        var signed = Signed(message, Now(), "n-case");
        var signature = signed[(signed.IndexOf("msg_signature=", StringComparison.Ordinal) + "msg_signature=".Length)..].Split('&')[0];

        var first = await client.PostAsync(signed, Xml(Envelope(message)));
        var recased = new[] { signature.ToUpperInvariant(), char.ToUpperInvariant(signature[0]) + signature[1..], string.Concat(signature.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)) };
        var replays = new List<HttpStatusCode>();
        foreach (var variant in recased.Where(v => v != signature))
        {
            replays.Add((await client.PostAsync(signed.Replace(signature, variant, StringComparison.Ordinal), Xml(Envelope(message)))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEmpty(replays);
        Assert.All(replays, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
        var audit = server.Services.GetRequiredService<Hosting.Audit.IAuditLog>();
        Assert.Single((await audit.QueryAsync(new Hosting.Audit.AuditQuery { Channel = "wecom" }, null)));
    }

    [Fact]
    public async Task Send_TokenExpiredErrcode_TokenFetchedAgainOnceAndResent()
    {
        _failSendsWith = 42001;
        using var server = Server(null);
        using var client = await server.ReadyClientAsync();

        await client.PostAsync(Signed(Message("zhaoliu", "E-217"), Now(), "n-7"), Xml(Envelope(Message("zhaoliu", "E-217"))));

        await _wecom.WaitForAsync(r => r.PathAndQuery.Contains("access_token=token-2", StringComparison.Ordinal));
        Assert.Equal(2, _wecom.Requests.Count(r => r.PathAndQuery.StartsWith("/cgi-bin/gettoken", StringComparison.Ordinal)));
        Assert.Equal(2, _wecom.Requests.Count(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Receive_UnmappedUserWhereRefused_ToldToAskIt()
    {
        using var server = Server(null, ("Bots:WeCom:Access:UnmappedUsers", "Refuse"), ("Bots:WeCom:Access:Users:zhangsan", "production"));
        using var client = await server.ReadyClientAsync();

        await client.PostAsync(Signed(Message("stranger", "M12 螺栓的拧紧力矩是多少？"), Now(), "n-8"), Xml(Envelope(Message("stranger", "M12 螺栓的拧紧力矩是多少？"))));

        var send = await _wecom.WaitForAsync(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
        var content = JsonDocument.Parse(send.Body).RootElement.GetProperty("text").GetProperty("content").GetString()!;
        Assert.Contains("IT", content, StringComparison.Ordinal);
        Assert.DoesNotContain("82", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_UserOverTheirPerMinuteLimit_ToldToWaitWhileOthersAreAnswered()
    {
        using var server = Server(null, ("Bots:WeCom:Access:RequestsPerMinute", "1"));
        using var client = await server.ReadyClientAsync();

        await client.PostAsync(Signed(Message("zhangsan", "E-217"), Now(), "n-9"), Xml(Envelope(Message("zhangsan", "E-217"))));
        await client.PostAsync(Signed(Message("zhangsan", "E-218"), Now(), "n-10"), Xml(Envelope(Message("zhangsan", "E-218"))));
        await client.PostAsync(Signed(Message("lisi", "E-217"), Now(), "n-11"), Xml(Envelope(Message("lisi", "E-217"))));

        await _wecom.WaitForAsync(r => r.Body.Contains("\"lisi\"", StringComparison.Ordinal));
        var toZhangsan = _wecom.Requests.Where(r => r.Body.Contains("\"zhangsan\"", StringComparison.Ordinal)).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetProperty("content").GetString()!).ToList();
        Assert.Equal(2, toZhangsan.Count);
        Assert.Contains("Too many questions", toZhangsan[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Too many questions", toZhangsan[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_NoWeComSection_404()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/bots/wecom?msg_signature=a&timestamp=1&nonce=1&echostr=a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/bots/wecom", Xml("<xml/>"))).StatusCode);
    }

    [Fact]
    public void EncryptDecrypt_ChineseMessage_RoundTripsWithItsReceiveId()
    {
        var key = WeComCrypto.Key(WeComSample.EncodingAesKey);
        var message = Message("张三", "换刀前要做什么？" + new string('长', 500));

        var encrypted = WeComCrypto.Encrypt(key, message, WeComSample.CorpId);

        Assert.Equal((message, WeComSample.CorpId), WeComCrypto.Decrypt(key, encrypted));
        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
    }

    public void Dispose() => _wecom.Dispose();

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private CorpusServer Server(long? at, params (string Key, string Value)[] extra)
    {
        var settings = WeComSample.Settings(_wecom.BaseUrl);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new CorpusServer { Settings = settings, Time = at is { } seconds ? new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(seconds)) : null };
    }

    private (int, string, string) Respond(LoopbackRequest request)
    {
        if (request.PathAndQuery.StartsWith("/cgi-bin/gettoken", StringComparison.Ordinal))
        {
            return (200, "application/json", $$"""{"errcode":0,"errmsg":"ok","access_token":"token-{{Interlocked.Increment(ref _tokens)}}","expires_in":7200}""");
        }

        if (Interlocked.Exchange(ref _failSendsWith, 0) is var errcode and not 0)
        {
            return (200, "application/json", $$"""{"errcode":{{errcode}},"errmsg":"access_token expired"}""");
        }

        return (200, "application/json", """{"errcode":0,"errmsg":"ok","invaliduser":""}""");
    }

    private static string Message(string user, string text) =>
        $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>4561255354251345929</MsgId><AgentID>1000002</AgentID></xml>";

    // Each message is encrypted once per test run with a fixed random prefix, so the same message signs the same way.
    private static readonly Dictionary<string, string> Sealed = [];

    private static string Encrypted(string message)
    {
        lock (Sealed)
        {
            return Sealed.TryGetValue(message, out var e) ? e : Sealed[message] = WeComCrypto.Encrypt(WeComCrypto.Key(WeComSample.EncodingAesKey), message, WeComSample.CorpId);
        }
    }

    private static string Envelope(string message) => EnvelopeOf(Encrypted(message));

    private static string EnvelopeOf(string encrypted) => $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";

    private static string Signed(string message, long timestamp, string nonce) => SignedEncrypted(Encrypted(message), timestamp, nonce);

    private static string SignedEncrypted(string encrypted, long timestamp, string nonce)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        return $"/api/bots/wecom?msg_signature={WeComCrypto.Signature(WeComSample.Token, ts, nonce, encrypted)}&timestamp={ts}&nonce={nonce}";
    }

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "text/xml");
}
