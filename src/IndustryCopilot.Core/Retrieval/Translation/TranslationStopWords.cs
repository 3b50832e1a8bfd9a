namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// Chinese words that shape a question rather than say what it is about, beyond the search stop words: translated, they
/// would search for "how long", "need" or "one time" in every English passage.
/// </summary>
internal static class TranslationStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "多久", "多长时间", "多少次", "多少钱", "什么样", "为什么", "为何", "哪儿", "哪种", "哪类", "几次", "一次", "一下", "是不是",
        "能不能", "要不要", "必须", "需", "须", "应当", "应该", "可能", "一定", "怎么办", "请", "告诉", "说明",
        "情况", "问题", "方面", "时间", "进行", "采取", "使用", "相关", "有关", "具体", "主要", "一些", "所有", "每个", "其他",
    };

    public static bool IsQuestionWord(string word) => Words.Contains(word);
}
