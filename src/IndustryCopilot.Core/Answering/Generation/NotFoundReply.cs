using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// Recognises a model reply that says the sources do not answer — the prompts' fixed sentence or any of the ways
/// models put it in Chinese or English ("资料中没有提及…", "I couldn't find this in the sources"). Such a reply becomes
/// the standard not-found answer. A reply that cites a source ([n]) is an answer, even when it says part is missing
/// ("第十条未规定期限[1]" answers with the article); its citations are verified as usual.
/// </summary>
public static partial class NotFoundReply
{
    /// <summary>True when <paramref name="reply"/> says the sources do not answer and cites nothing.</summary>
    public static bool IsNotFound(string reply)
    {
        var text = reply.Trim();
        return text.Length > 0 && !Citation().IsMatch(text) && (Chinese().IsMatch(text) || English().IsMatch(text));
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(未|没有?|无|找不到|不)(能|法)?(找到|检索到|查到|提[及到供]|涉及|包含|含有|说明|给出|规定|记载|相关|依据|答案|信息|内容|回答|确定|判断)|无法(回答|作答|确定|判断|根据)|不足以(回答|判断)")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\b(do(es)?\s*n[o']t|did\s*n[o']t|cannot|can't|could\s*n[o']t|unable\s+to|no\s+(information|mention|answer|relevant|details?|data)|not\s+(mentioned|found|covered|specified|stated|provided|addressed|included|contained|available|answered|given)|insufficient\s+(information|context)|i\s+don't\s+know)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
