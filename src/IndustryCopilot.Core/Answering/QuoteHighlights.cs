using System.Text.RegularExpressions;
using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// What to mark inside a quote so the eye lands on the answer: the cell under the column the question asks about (the
/// torque of the M12 row), the value with its unit (every 4,000 operating hours), or — for "how do I clear/处理" — the
/// action that follows the alarm's meaning. Each mark is verbatim text of the quote.
/// </summary>
internal static partial class QuoteHighlights
{
    /// <summary>Whether the question asks what to do (an action, a remedy) rather than for a value.</summary>
    public static bool AsksForAction(string question) => Action().IsMatch(question);

    /// <summary>The table column the question asks for: the action column for "怎么处理", else the header holding most key-term weight (never the row key).</summary>
    public static int ValueColumn(string tableText, string question, IReadOnlyDictionary<string, double> weights)
    {
        var header = QuoteExtent.Cells(QuoteUnits.TableHeader(tableText).Split('\n')[0]);
        if (AsksForAction(question))
        {
            var action = header.FindIndex(h => ActionHeader().IsMatch(h));
            if (action > 0)
            {
                return action;
            }
        }

        var best = -1;
        var bestWeight = 0.0;
        for (var column = 1; column < header.Count; column++)
        {
            var terms = EvidenceJudge.WithStems(LexicalAnalyzer.Terms(header[column]));
            var weight = weights.Where(w => EvidenceJudge.Holds(terms, w.Key)).Sum(w => w.Value);
            if (weight > bestWeight)
            {
                best = column;
                bestWeight = weight;
            }
        }

        return best;
    }

    /// <summary>The marks of one quote: table cells of <paramref name="valueColumn"/>, or sentence-level marks for text.</summary>
    public static List<string> Of(string question, string quote, List<QuoteUnit> units, ISet<int> chosen, int valueColumn)
    {
        var marks = new List<string>();
        if (units.Count > 0 && units[0].IsTableRow)
        {
            if (valueColumn > 0)
            {
                marks.AddRange(units.Select(u => QuoteExtent.Cells(u.Text)).Where(c => valueColumn < c.Count && c[valueColumn].Length > 0).Select(c => c[valueColumn]));
            }
        }
        else if (AsksForAction(question))
        {
            // The meaning was chosen (it holds the code); what to do is what follows it in the same clause.
            var first = units.FindIndex(u => chosen.Contains(u.Index));
            marks.AddRange(units.Skip(first + 1).Where(u => !chosen.Contains(u.Index)).Select(u => u.Text.Trim()));
        }
        else
        {
            var asked = Quantities.In(question).Select(q => q.Text).ToHashSet(StringComparer.Ordinal);
            marks.AddRange(units.Where(u => chosen.Contains(u.Index))
                .SelectMany(u => Quantities.In(u.Text))
                .Where(q => q.HasUnit && !asked.Contains(q.Text))
                .Select(q => q.Text));
        }

        return marks.Where(m => m.Length > 0 && quote.Contains(m, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"怎么|如何|怎样|处理|排除|复位|消除|措施|办法|\bhow\s+(?:do|to|can|should)\b|\bwhat\s+(?:to|should)\b|\bclear\b|\breset\b|\bfix\b|\bremedy\b|\btroubleshoot", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Action();

    [GeneratedRegex(@"处理|措施|对策|方法|action|remedy|measure|what to do", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionHeader();
}
