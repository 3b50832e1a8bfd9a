using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// What a procedure's words forbid and on what they insist first. In procedures the safety meaning sits in modal
/// verbs and conditions (不得/禁止/严禁, must not, never; 只有…才, only after, unless), so a claim is compared with the
/// unit it rests on for both: a claim that lets the reader do what the unit forbids, forbids what it requires, or
/// drops its condition, says the opposite of its source.
/// </summary>
internal static partial class Modality
{
    /// <summary>True when the text forbids something (不得, 禁止, must not, do not, never, prohibited …).</summary>
    public static bool Forbids(string text) => Prohibition().IsMatch(text);

    /// <summary>
    /// True when the text negates at all (won't, does not, no, 不, 无 …): a claim resting on a prohibition must keep
    /// some negation — "the compressor will not start with the door open" restates "cannot start while the door is
    /// open" — while one that drops every negation has turned it into an instruction.
    /// </summary>
    public static bool Negates(string text) => Prohibition().IsMatch(text) || Negation().IsMatch(text);

    /// <summary>True when the text makes something wait on a condition (只有…才, 方可, 除非, only after, unless, until, must … before …).</summary>
    public static bool Conditions(string text) => StrictCondition().IsMatch(text);

    /// <summary>True when the text states any condition or order at all (after, once, when, 后, 先, 待 …): a claim that keeps its unit's condition.</summary>
    public static bool KeepsACondition(string text) => StrictCondition().IsMatch(text) || LooseCondition().IsMatch(text);

    /// <summary>True when the text lets the reader skip or waive something (not required, optional, 无需, 不必 …).</summary>
    public static bool Waives(string text) => Waiver().IsMatch(text);

    [GeneratedRegex(@"无需|不必|不需要|不用|可以不|可不|不是必须|非必须|可省略|可跳过|\bnot\s+(?:required|necessary|needed|mandatory)\b|\bno\s+need\b|\bneed\s+not\b|\bneedn't\b|\boptional(?:ly)?\b|\bmay\s+(?:skip|omit|be\s+skipped|be\s+omitted)\b|\bcan\s+(?:skip|omit|be\s+skipped|be\s+omitted)\b|\bis\s+not\s+needed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Waiver();

    [GeneratedRegex(@"\bnot\b|n't\b|\bno\b|\bnone\b|\bnever\b|\bwithout\b|\bneither\b|\bnor\b|不|无|没|勿|禁|非|未", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"不得|禁止|严禁|不准|不应|不许|切勿|不要|不可|不能|勿|\bmust\s+not\b|\bmustn't\b|\bshall\s+not\b|\bshould\s+not\b|\bshouldn't\b|\bdo\s+not\b|\bdon't\b|\bnever\b|\bprohibit(?:ed|s)?\b|\bforbid(?:den|s)?\b|\bnot\s+(?:be\s+)?(?:permitted|allowed)\b|\bmay\s+not\b|\bcannot\b|\bcan't\b|\bno\s+one\s+(?:may|shall)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prohibition();

    // Only what makes an action wait on something counts; "before maintenance, do X" sets the scene rather than a
    // gate, and answers that drop it are not wrong.
    [GeneratedRegex(@"只有.{0,40}才|方可|才能|才可|才允许|除非|前必须|确认[^，。；,;]{1,30}后|待.{0,30}后(?:方|才|再)|\bonly\s+(?:after|when|if|once)\b|\bunless\b|\buntil\b|\bnot\s+until\b|\bprovided\s+that\b|\bmust\b[^.;]{0,60}\bbefore\b|\bbefore\b[^.;]{0,60}\bmust\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrictCondition();

    [GeneratedRegex(@"后|先|待|当.{0,20}时|如果|若|\bafter\b|\bonce\b|\bwhen\b|\bif\b|\buntil\b|\bbefore\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooseCondition();
}
