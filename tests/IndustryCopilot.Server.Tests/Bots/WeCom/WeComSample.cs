namespace IndustryCopilot.Server.Tests.Bots.WeCom;

/// <summary>
/// The sample published in WeCom's developer documentation (加解密方案说明, developer.work.weixin.qq.com/document/path/90968)
/// and its sample libraries: configuration, the URL-verification request and an encrypted text message.
/// </summary>
internal static class WeComSample
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";

    public const string VerifySignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const long VerifyTimestamp = 1409659589;
    public const string VerifyNonce = "263014780";
    public const string VerifyEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public const string VerifyPlaintext = "1616140317555161061";

    public const string MessageSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    public const long MessageTimestamp = 1409659813;
    public const string MessageNonce = "1372623149";
    public const string MessageEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    /// <summary>The sample message's envelope as WeCom POSTs it.</summary>
    public static string MessageEnvelope => $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{MessageEncrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

    /// <summary>Bot settings for the sample's corp, sending through <paramref name="apiBaseUrl"/>.</summary>
    public static Dictionary<string, string> Settings(string apiBaseUrl, string messageType = "text") => new()
    {
        ["Bots:WeCom:Token"] = Token,
        ["Bots:WeCom:EncodingAesKey"] = EncodingAesKey,
        ["Bots:WeCom:CorpId"] = CorpId,
        ["Bots:WeCom:Secret"] = "sample-secret",
        ["Bots:WeCom:AgentId"] = "1000002",
        ["Bots:WeCom:ApiBaseUrl"] = apiBaseUrl,
        ["Bots:WeCom:MessageType"] = messageType,
    };
}
