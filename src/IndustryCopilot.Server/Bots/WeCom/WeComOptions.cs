using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Server.Bots.WeCom;

/// <summary>
/// The WeCom self-built application (configuration section <c>Bots:WeCom</c>; absent: the bot is off and its endpoint
/// answers 404). Token, EncodingAESKey and CorpID come from the app's 接收消息 settings; Secret and AgentId from its detail page.
/// </summary>
public sealed class WeComOptions : IValidatedOptions
{
    public const string Section = "Bots:WeCom";

    /// <summary>The callback Token from the app's 接收消息 settings: every callback's signature is checked with it.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character EncodingAESKey (Base64 of the 32-byte AES key without its trailing '=').</summary>
    public string EncodingAesKey { get; set; } = "";

    /// <summary>The CorpID: every decrypted message's receiveid must equal it.</summary>
    public string CorpId { get; set; } = "";

    /// <summary>The application's Secret, for <c>gettoken</c>.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The self-built app's AgentId, to which answers are sent (<c>message/send</c>).</summary>
    public int AgentId { get; set; }

    /// <summary>The WeCom API (plants may route it through a proxy). Default <c>https://qyapi.weixin.qq.com</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>How far a callback's timestamp may be from now, in seconds, before it is rejected. Default 300.</summary>
    public int TimestampWindowSeconds { get; set; } = 300;

    /// <summary>Reply as <c>markdown</c> (default) or <c>text</c> messages.</summary>
    public string MessageType { get; set; } = "markdown";

    /// <summary>Who may ask through WeCom and which access groups they see.</summary>
    public BotAccess Access { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Token) || string.IsNullOrWhiteSpace(CorpId) || string.IsNullOrWhiteSpace(Secret) || AgentId <= 0)
        {
            yield return $"{Section}: Token, CorpId, Secret and AgentId are required";
        }

        if (EncodingAesKey.Length != 43)
        {
            yield return $"{Section}:EncodingAesKey must be the 43 characters WeCom shows";
        }
        else if (!WeComCrypto.TryKey(EncodingAesKey, out _))
        {
            yield return $"{Section}:EncodingAesKey is not a valid key (43 base64 characters of a 32-byte key)";
        }
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _) || TimestampWindowSeconds is < 10 or > 86_400 || MessageType is not ("markdown" or "text"))
        {
            yield return $"{Section}: ApiBaseUrl must be an absolute URL, TimestampWindowSeconds 10–86400, MessageType markdown or text";
        }

        foreach (var problem in Access.Problems(Section))
        {
            yield return problem;
        }
    }
}
