namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// For a remote model whose tokenizer is not at hand (<c>OpenAICompatible</c>): errs high, one token per CJK
/// character and one per three other characters, so a prompt built with it still fits.
/// </summary>
public sealed class ApproximateTokenCounter : ITokenCounter
{
    public static ApproximateTokenCounter Instance { get; } = new();

    public int Count(string text)
    {
        int cjk = 0, other = 0;
        foreach (var c in text)
        {
            if (c >= '\u2E80' && c <= '\uFFEF')
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }

        return cjk + ((other + 2) / 3);
    }
}
