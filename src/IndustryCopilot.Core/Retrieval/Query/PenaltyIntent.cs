using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>
/// Questions about the consequences of breaking a rule (会被怎么罚？有什么法律风险？What is the penalty?) and the sections
/// that answer them. Laws and regulations put every penalty in a chapter of its own (法律责任, 罚则), whose articles
/// describe the offence in the law's words, not the asker's; plant rules often do the same under 奖惩. Matching the
/// question's intent to that chapter's heading finds the penalty article that shares few words with the question.
/// </summary>
public static partial class PenaltyIntent
{
    /// <summary>Whether the question asks what happens to whoever breaks the rule.</summary>
    public static bool Asks(string question) => Question().IsMatch(question);

    /// <summary>Whether a chunk's heading path (<c>第六章 法律责任 &gt; 第一百零三条</c>) puts it in a penalty section.</summary>
    public static bool Answers(string sectionPath) => Section().IsMatch(sectionPath);

    // 罚 alone is not enough: 处罚决定, 处罚程序 are steps of the authority's procedure, asked about in its own chapter.
    [GeneratedRegex(@"罚款|罚金|[挨被会要怎][^，。；？?,;]{0,3}罚|什么(处罚|后果|法律责任)|后果|法律责任|法律风险|追究|吊销|\bpenalt|\bsanction|\bfined\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Question();

    [GeneratedRegex(@"法律责任|罚则|奖惩|处罚|\bpenalt|\bsanction|\benforcement\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Section();
}
