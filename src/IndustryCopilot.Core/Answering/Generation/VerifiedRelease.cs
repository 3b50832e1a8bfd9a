using System.Text;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Answering.Verification;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// Lets a model's answer out only as verified sentences: text is buffered to the end of each sentence (and the
/// citation markers after it), the answer so far is verified, and only what has newly passed is released. What is
/// released is always the start of the verified answer, so nothing reaches a screen, a bot or a log that the final
/// answer would not show. For a safety-critical question nothing is released before the end: a later sentence could
/// still fail, and then the whole answer falls back to the documents' own words.
/// </summary>
public sealed partial class VerifiedRelease(IReadOnlyList<PromptSource> sources, bool chinese, bool holdAll, Retrieval.Translation.QueryTranslator? translator = null)
{
    private readonly StringBuilder _text = new();
    private string _released = "";
    private int _checkedLength;

    /// <summary>What has been released so far (the start of the verified answer).</summary>
    public string Released => _released;

    /// <summary>Everything the model wrote so far.</summary>
    public string ModelText => _text.ToString();

    /// <summary>Adds model text; returns the verified text newly released (often empty).</summary>
    public string Add(string token)
    {
        _text.Append(token);
        if (holdAll || CompleteSentences().Match(_text.ToString()) is not { Success: true } complete || complete.Length <= _checkedLength)
        {
            return "";
        }

        _checkedLength = complete.Length;
        // Removal, not flagging, while streaming: a flagged sentence could later turn into a cited one.
        var verified = GeneratedAnswerVerifier.Verify(complete.Value, sources, UnsupportedSentenceHandling.Remove, chinese, translator: translator).Text;
        if (verified.Length <= _released.Length || !verified.StartsWith(_released, StringComparison.Ordinal))
        {
            return "";
        }

        var fresh = verified[_released.Length..];
        _released = verified;
        return fresh;
    }

    // Up to the end of the last sentence whose successor has begun: its end mark, the [n] markers after it, and the
    // space before the next sentence's first character.
    [GeneratedRegex(@"^.*(?:[。！？；!?]|\.(?=[\s\[])|\n)(?:[ \t\u3000]*\[\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\])*(?=\s*[^\s\[])", RegexOptions.Singleline)]
    private static partial Regex CompleteSentences();
}
