using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// Questions about lockout/tagout, pressure equipment, confined spaces, electrical isolation, hazardous chemicals and
/// hot work. For these an unverified sentence is never shown (not even flagged): a wrong word can hurt someone.
/// </summary>
public static partial class SafetyTopics
{
    public static bool IsSafetyCritical(string question) => Pattern().IsMatch(question);

    [GeneratedRegex(@"上锁|挂牌|能量隔离|锁定挂牌|压力容器|压力管道|锅炉|受限空间|有限空间|电气隔离|停电|验电|带电作业|危险化学品|危化品|动火|易燃|有毒|lock\s*-?\s*out|tag\s*-?\s*out|\bLOTO\b|pressure\s+(vessel|equipment|system|relief)|confined\s+space|electrical(ly)?\s+isolat|\bisolat(e|ion)\b|de-?energi[sz]|hazardous\s+(chemical|substance|material)|\bhazmat\b|hot\s+work|live\s+work|arc\s+flash", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
