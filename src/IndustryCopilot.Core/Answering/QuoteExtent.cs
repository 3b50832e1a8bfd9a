using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Widens the units chosen from one passage to what a technician must read together: the whole clause or step list
/// (a remedy and its "reset only after …" are the answer, not the alarm's meaning alone), and every table row that differs
/// from the chosen one only in a qualifier (the same bolt size at another grade) — never one of two conflicting values alone.
/// </summary>
internal static class QuoteExtent
{
    /// <summary>A clause up to this long is quoted whole; a longer passage keeps its chosen sentences plus their conditions.</summary>
    public const int WholeClauseChars = 700;

    /// <summary>A step list up to this long is quoted whole: a step taken out of its order is a hazard.</summary>
    public const int WholeProcedureChars = 1500;

    /// <summary>At most this many rows are shown as one qualifier group; a larger group is a lookup table, not a conflict.</summary>
    public const int MaxQualifierRows = 8;

    /// <summary>The units of one passage to quote, given those chosen by key-term cover.</summary>
    public static List<QuoteUnit> Widen(Chunk chunk, List<QuoteUnit> all, List<QuoteUnit> chosen, IReadOnlyDictionary<string, double> weights)
    {
        if (chosen.Count == 0 || all.Count == 0)
        {
            return chosen;
        }

        if (chosen[0].IsTableRow)
        {
            return chosen.SelectMany(row => QualifierGroup(all, row, weights)).Distinct().OrderBy(u => u.Index).ToList();
        }

        var limit = chunk.Kind == ChunkKind.Procedure ? WholeProcedureChars : WholeClauseChars;
        if (chunk.Text.Length <= limit)
        {
            return all;
        }

        // A long passage: the chosen sentences, and each sentence after one of them that sets a condition or forbids
        // something, since quoting "reset the alarm" without its "only after the cause is removed" changes its meaning.
        var widened = new List<QuoteUnit>(chosen);
        foreach (var unit in chosen)
        {
            foreach (var next in all.Where(u => u.Index > unit.Index && u.Index <= unit.Index + 2))
            {
                if (Modality.KeepsACondition(next.Text) || Modality.Forbids(next.Text))
                {
                    widened.Add(next);
                }
            }
        }

        return widened.Distinct().OrderBy(u => u.Index).ToList();
    }

    /// <summary>
    /// The rows of the chosen row's table that hold every key term the row itself holds (not counting its header): for
    /// "M12 拧紧力矩" both M12 rows; for "M12 10.9 级" only the 10.9 row.
    /// </summary>
    public static List<QuoteUnit> QualifierGroup(List<QuoteUnit> rows, QuoteUnit chosen, IReadOnlyDictionary<string, double> weights)
    {
        var own = RowTerms(chosen);
        var matched = weights.Keys.Where(k => EvidenceJudge.Holds(own, k)).ToList();
        if (matched.Count == 0)
        {
            return [chosen];
        }

        // Each row segmented once, not once per key term.
        var group = rows.Where(r => r.IsTableRow).Select(r => (Row: r, Terms: RowTerms(r))).Where(r => matched.All(k => EvidenceJudge.Holds(r.Terms, k))).Select(r => r.Row).ToList();
        return group.Count is > 1 and <= MaxQualifierRows ? group : [chosen];
    }

    /// <summary>
    /// The columns in which the rows of a qualifier group differ, with each row's value there: the choice the reader
    /// has to make ("性能等级 Grade": 8.8, 10.9). Null when the rows do not differ in a column other than the value asked for.
    /// </summary>
    public static (string Column, List<string> Values, string Key)? Qualifier(string tableText, List<QuoteUnit> group, int valueColumn)
    {
        if (group.Count < 2)
        {
            return null;
        }

        var header = Cells(QuoteUnits.TableHeader(tableText).Split('\n')[0]);
        var rows = group.ConvertAll(r => Cells(r.Text));
        for (var column = 0; column < header.Count; column++)
        {
            if (column == valueColumn)
            {
                continue;
            }

            var values = rows.ConvertAll(r => column < r.Count ? r[column] : "");
            if (values.Distinct(StringComparer.Ordinal).Count() == group.Count)
            {
                var key = rows[0].Count > 0 && column != 0 ? rows[0][0] : "";
                return (header[column], values, key);
            }
        }

        return null;
    }

    /// <summary>The cells of a Markdown table line, trimmed.</summary>
    public static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static HashSet<string> RowTerms(QuoteUnit row) => EvidenceJudge.WithStems(LexicalAnalyzer.Terms(row.Text));

}
