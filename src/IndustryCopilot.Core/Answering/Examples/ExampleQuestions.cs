using System.Text.RegularExpressions;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Answering.Examples;

/// <summary>
/// Questions a technician would ask, made from a passage's content rather than its section title: an alarm code with
/// its action ("E-205 报警怎么处理？"), a table value ("M12 的拧紧力矩 Torque (N·m) 是多少？"), a step list ("…的操作步骤有哪些？").
/// A passage that offers none of these (a purpose, a scope, a list of references) makes no question.
/// </summary>
public static partial class ExampleQuestions
{
    // What people ask at a machine most, first: an alarm's action, then a value from a table, then a step list.
    private enum Kind
    {
        Alarm,
        Value,
        Steps,
    }

    /// <summary>The question <paramref name="chunk"/> answers, in Chinese or English, or null.</summary>
    public static string? From(Chunk chunk, DocumentInfo document, bool chinese) => Ranked(chunk, document, chinese)?.Question;

    /// <summary>The question a document is best shown by (an alarm's action before a table value before a step list), or null.</summary>
    public static string? Best(IEnumerable<Chunk> chunks, DocumentInfo document, bool chinese) =>
        chunks.Select(c => Ranked(c, document, chinese)).OfType<(string Question, Kind Kind)>().OrderBy(q => q.Kind).Select(q => q.Question).FirstOrDefault();

    private static (string Question, Kind Kind)? Ranked(Chunk chunk, DocumentInfo document, bool chinese)
    {
        if (chunk.Instruction is not null)
        {
            return null;
        }

        if (chunk.Kind == ChunkKind.Table)
        {
            return FromTable(chunk.Text, chinese);
        }

        // A clause that opens with a code ("4.2 A-102 Oil pressure …") defines that alarm; a code further in is a
        // machine or a part ("VMC-850 加工中心").
        if (ClauseOpeningWithCode().Match(chunk.Text) is { Success: true } alarm)
        {
            return (Alarm(alarm.Groups[1].Value, chinese), Kind.Alarm);
        }

        return chunk.Kind == ChunkKind.Procedure
            ? (chinese ? $"《{document.Title}》的操作步骤有哪些？" : $"What are the steps of {document.Title}?", Kind.Steps)
            : null;
    }

    private static string Alarm(string code, bool chinese) => chinese ? $"{code} 报警怎么处理？" : $"How do I clear alarm {code}?";

    /// <summary>Up to <paramref name="max"/> distinct questions from passages, in their order.</summary>
    public static List<string> From(IEnumerable<(Chunk Chunk, DocumentInfo Document)> passages, bool chinese, int max) =>
        passages.Select(p => From(p.Chunk, p.Document, chinese)).OfType<string>().Distinct(StringComparer.Ordinal).Take(max).ToList();

    private static (string Question, Kind Kind)? FromTable(string text, bool chinese)
    {
        var lines = text.Split('\n').Where(l => l.StartsWith('|')).ToList();
        if (lines.Count < 3)
        {
            return null;
        }

        var header = QuoteExtent.Cells(lines[0]);
        var row = QuoteExtent.Cells(lines[2]);
        if (row.Count == 0 || header.Count < 2)
        {
            return null;
        }

        if (AlarmCode().IsMatch(row[0]))
        {
            return (Alarm(row[0], chinese), Kind.Alarm);
        }

        // A numeric column names what is looked up (torque, tolerance, pressure): one with a unit in its header first
        // ("Torque (N·m)" rather than "Grade").
        // A header must name something ("Torque (N·m)"), not be a range of sizes (">6～30").
        var numeric = Enumerable.Range(1, Math.Min(header.Count, row.Count) - 1).Where(i => Number().IsMatch(row[i]) && Named().IsMatch(header[i])).ToList();
        var value = numeric.FirstOrDefault(i => header[i].Contains('(') || header[i].Contains('（'), numeric.FirstOrDefault());
        if (value == 0 || row[0].Length is 0 or > 30)
        {
            return null;
        }

        var name = Side(header[value], chinese);
        return (chinese ? $"{row[0]} 的{name}是多少？" : $"What is the {name} for {row[0]}?", Kind.Value);
    }

    // A bilingual header ("拧紧力矩 Torque (N·m)") gives the question's language its own half.
    private static string Side(string header, bool chinese)
    {
        var latin = header.IndexOfAny([.. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"]);
        var han = header.Any(c => c is >= '\u4e00' and <= '\u9fff');
        if (latin <= 0 || !han)
        {
            return header;
        }

        return chinese ? header[..latin].Trim() : header[latin..].Trim();
    }

    [GeneratedRegex(@"\b[A-Z]{1,3}-\d{2,4}\b")]
    private static partial Regex AlarmCode();

    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)*\s+)?([A-Z]{1,3}-\d{2,4})\b")]
    private static partial Regex ClauseOpeningWithCode();

    [GeneratedRegex(@"[\p{L}]{2,}")]
    private static partial Regex Named();

    [GeneratedRegex(@"^[±+\-]?\d")]
    private static partial Regex Number();
}
