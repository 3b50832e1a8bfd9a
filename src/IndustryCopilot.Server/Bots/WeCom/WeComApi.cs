using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace IndustryCopilot.Server.Bots.WeCom;

/// <summary>
/// The WeCom callback: <c>GET /api/bots/wecom</c> verifies the URL (decrypts <c>echostr</c>), <c>POST</c> receives
/// encrypted XML messages. Both check the timestamp window, the signature, that the signed request has not been seen
/// before, and that the message was sealed for our CorpID; anything else is 403. Text questions are acknowledged at
/// once (empty 200) and answered through the active message API; <c>/help</c> and <c>/new</c> get an encrypted
/// passive reply. 404 when <c>Bots:WeCom</c> is not configured. No API key: the signature is the authentication.
/// </summary>
internal static partial class WeComApi
{
    private static readonly XmlReaderSettings SafeXml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1_000_000 };

    public static IEndpointRouteBuilder MapWeComApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bots/wecom").WithTags("Bots").AllowAnonymous();
        group.MapGet("", Verify);
        group.MapPost("", ReceiveAsync);
        return app;
    }

    internal static IResult Verify(HttpContext http, IServiceProvider services)
    {
        if (services.GetService<WeComOptions>() is not { } options)
        {
            return TypedResults.NotFound();
        }

        var q = http.Request.Query;
        var (plain, error) = Open(options, services, q["msg_signature"].FirstOrDefault(), q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), q["echostr"].FirstOrDefault() ?? "");
        return error is null ? TypedResults.Text(plain, "text/plain") : Forbidden(services, error);
    }

    internal static async Task<IResult> ReceiveAsync(HttpContext http, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        if (services.GetService<WeComOptions>() is not { } options)
        {
            return TypedResults.NotFound();
        }

        XElement envelope;
        try
        {
            using var body = new StreamReader(http.Request.Body);
            using var reader = XmlReader.Create(new StringReader(await body.ReadToEndAsync(cancellationToken)), SafeXml);
            envelope = XDocument.Load(reader).Root!;
        }
        catch (XmlException)
        {
            return TypedResults.BadRequest();
        }

        var q = http.Request.Query;
        var (plain, error) = Open(options, services, q["msg_signature"].FirstOrDefault(), q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), envelope.Element("Encrypt")?.Value ?? "");
        if (error is not null)
        {
            return Forbidden(services, error);
        }

        XElement message;
        try
        {
            using var reader = XmlReader.Create(new StringReader(plain!), SafeXml);
            message = XDocument.Load(reader).Root!;
        }
        catch (XmlException)
        {
            return TypedResults.BadRequest();
        }

        // Events (entering the app, menu clicks) and non-text messages need no answer.
        var user = message.Element("FromUserName")?.Value;
        var text = message.Element("Content")?.Value?.Trim();
        if (message.Element("MsgType")?.Value != "text" || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(text))
        {
            return TypedResults.Text("", "text/plain");
        }

        // The two commands answer at once, inside WeCom's 5 s; anything else (a model may take longer) goes to the worker.
        if (text.ToLowerInvariant() is "/help" or "/new" or "帮助" or "新对话")
        {
            var reply = await services.GetRequiredService<BotAnswering>().HandleAsync("wecom", user, null, text, options.Access, cancellationToken);
            return TypedResults.Text(PassiveReply(options, user, reply.Text, time), "application/xml");
        }

        if (!services.GetRequiredService<WeComWorker>().Enqueue(user, text))
        {
            LogQueueFull(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeComApi)), user);
        }

        return TypedResults.Text("", "text/plain");
    }

    /// <summary>The encrypted passive reply envelope WeCom expects: Encrypt, MsgSignature, TimeStamp, Nonce.</summary>
    internal static string PassiveReply(WeComOptions options, string user, string content, TimeProvider time)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var inner = new XElement("xml",
            new XElement("ToUserName", new XCData(user)),
            new XElement("FromUserName", new XCData(options.CorpId)),
            new XElement("CreateTime", timestamp),
            new XElement("MsgType", new XCData("text")),
            new XElement("Content", new XCData(content))).ToString(SaveOptions.DisableFormatting);
        var encrypted = WeComCrypto.Encrypt(WeComCrypto.Key(options.EncodingAesKey), inner, options.CorpId);
        return new XElement("xml",
            new XElement("Encrypt", new XCData(encrypted)),
            new XElement("MsgSignature", new XCData(WeComCrypto.Signature(options.Token, timestamp, nonce, encrypted))),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", new XCData(nonce))).ToString(SaveOptions.DisableFormatting);
    }

    // Checks in the order that costs least: timestamp, signature, replay, then decryption and the receiveid.
    private static (string? Plain, string? Error) Open(WeComOptions options, IServiceProvider services, string? signature, string? timestamp, string? nonce, string encrypted)
    {
        if (signature is null || timestamp is null || nonce is null || encrypted.Length == 0)
        {
            return (null, "missing msg_signature, timestamp, nonce or encrypted text");
        }

        var time = services.GetRequiredService<TimeProvider>();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > options.TimestampWindowSeconds)
        {
            return (null, "timestamp outside the window");
        }

        if (!WeComCrypto.Verify(options.Token, timestamp, nonce, encrypted, signature))
        {
            return (null, "bad signature");
        }

        // Keyed on what the signature signs, not on the signature's spelling: the check above ignores its letter case,
        // so a re-cased copy of a seen request must count as the same request.
        if (!services.GetRequiredService<WeComReplayGuard>().Guard.FirstTime(ReplayKey(timestamp, nonce, encrypted)))
        {
            return (null, "replayed request");
        }

        try
        {
            var (plain, receiveId) = WeComCrypto.Decrypt(WeComCrypto.Key(options.EncodingAesKey), encrypted);
            return receiveId == options.CorpId ? (plain, null) : (null, "receiveid is not our CorpID");
        }
        catch (CryptographicException e)
        {
            return (null, "cannot decrypt: " + e.Message);
        }
    }

    internal static string ReplayKey(string timestamp, string nonce, string encrypted) =>
        timestamp + ":" + nonce + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(encrypted)));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(IServiceProvider services, string? reason)
    {
        LogRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeComApi)), reason ?? "rejected");
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Rejected WeCom callback", detail: reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom question from {User} dropped: 256 are waiting")]
    private static partial void LogQueueFull(ILogger logger, string user);
}
