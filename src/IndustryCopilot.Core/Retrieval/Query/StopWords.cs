namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>
/// Words of the question's form rather than its content (question words, particles, auxiliaries). Dropping them from
/// queries keeps BM25 on content words and keeps OR-queries from touching half the index.
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Chinese
        "的", "了", "是", "在", "和", "与", "及", "或", "或者", "以及", "对", "对于", "由", "被", "把", "将", "从", "向", "为", "为了",
        "吗", "呢", "吧", "啊", "么", "什么", "多少", "几", "几个", "哪", "哪些", "哪个", "哪里", "如何", "怎么", "怎样", "怎么样",
        "是否", "有没有", "能否", "可以", "可否", "需要", "要", "应", "应该", "会", "有", "没有", "还", "也", "都", "就", "又", "才",
        "这", "那", "这些", "那些", "这个", "那个", "其", "之", "等", "我", "我们", "你", "你们", "他", "她", "它", "他们", "谁",
        "一个", "一般", "请问", "时候", "时", "后", "前", "中", "上", "下", "里", "内", "按", "按照", "根据", "依照", "规定",
        "呀", "嘛", "吗？", "多久", "多长", "多大", "多高", "该", "得", "地", "着", "过", "所", "而", "则", "若", "如果",
        // English
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "not", "no", "is", "are",
        "was", "were", "be", "been", "being", "do", "does", "did", "has", "have", "had", "can", "could", "should", "would", "will",
        "shall", "may", "might", "must", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "that", "this",
        "these", "those", "it", "its", "there", "their", "they", "them", "we", "our", "you", "your", "he", "she", "his", "her",
        "i", "me", "my", "if", "as", "than", "then", "so", "any", "all", "each", "much", "many", "some", "about", "into",
        "under", "over", "up", "out", "one", "also", "according", "per", "often",
    };

    public static bool Contains(string term) => Words.Contains(term);

    /// <summary>Characters that only mark grammar or a question; a bigram holding one carries no content.</summary>
    public static bool IsParticle(char c) => c is '的' or '了' or '吗' or '呢' or '吧' or '么' or '啊' or '呀' or '嘛';
}
