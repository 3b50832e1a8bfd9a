using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// What a claim says, as comparable pieces: Chinese as character bigrams (a paraphrase rarely keeps jieba's words but
/// often keeps bigrams), English as stems, without function words; numbers are compared as values elsewhere.
/// </summary>
internal static class Content
{
    private static readonly HashSet<string> Function = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "is", "are", "be", "been", "was", "were", "by", "with",
        "as", "it", "its", "thi", "this", "that", "these", "those", "there", "which", "who", "from", "into", "than", "then", "also",
        "must", "shall", "should", "may", "can", "will", "would", "not", "do", "doe", "does", "no", "accord", "according", "sourc", "source",
        "per", "each", "everi", "every", "all", "ani", "any", "ha", "has", "have", "use", "us", "so", "if", "when", "after", "befor", "before",
        "onli", "only", "until", "unless", "onc", "once", "never", "here", "what", "how", "your", "you", "we", "our", "they", "their",
    };

    public static HashSet<string> Grams(string text) =>
        LexicalAnalyzer.Grams(text).Where(g => !Function.Contains(g) && !g.Any(char.IsDigit)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The Chinese characters of a text, without function characters: a paraphrase that swaps words (转动 for 旋转) still shares them.</summary>
    public static HashSet<char> Characters(string text) =>
        text.Where(c => CjkText.IsIdeograph(c) && !"的了是在和与及或等之其并且而也就都把被对将为以于".Contains(c, StringComparison.Ordinal)).ToHashSet();

    /// <summary>Mostly Chinese characters among its letters.</summary>
    public static bool IsChinese(string text)
    {
        int ideographs = 0, letters = 0;
        foreach (var c in text)
        {
            if (CjkText.IsIdeograph(c))
            {
                ideographs++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return ideographs > 0 && ideographs * 2 >= letters;
    }
}
