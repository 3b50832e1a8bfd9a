using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Ingestion.Chunking;

namespace IndustryCopilot.Core.Answering;

/// <summary>Cuts a chunk's text into quotable units whose spans index the text exactly, so quotes stay verbatim.</summary>
internal static class QuoteUnits
{
    public static List<QuoteUnit> Of(int hitRank, string text, bool isTable)
    {
        var units = new List<QuoteUnit>();
        var from = 0;
        if (isTable)
        {
            var lines = text.Split('\n');
            var offset = 0;
            var tableLine = 0;
            // A row means what its caption and column headers say ("Ethanol ($/gal)", "W/E 02/24/17"): its terms
            // include theirs, so "Iowa ethanol price" finds the Iowa row of the ethanol table.
            var context = string.Join("\n", lines.TakeWhile(l => !l.StartsWith('|'))) + "\n" + (lines.FirstOrDefault(l => l.StartsWith('|')) ?? "");
            foreach (var line in lines)
            {
                if (line.StartsWith('|'))
                {
                    // The first two table lines are the header and its separator; rows follow.
                    if (tableLine++ >= 2 && line.Trim().Length > 0)
                    {
                        units.Add(new QuoteUnit(hitRank, units.Count, offset, offset + line.Length, line, true, Terms(line + "\n" + context)));
                    }
                }

                offset += line.Length + 1;
            }

            return units;
        }

        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var at = text.IndexOf(sentence, from, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            units.Add(new QuoteUnit(hitRank, units.Count, at, at + sentence.Length, sentence, false, Terms(sentence)));
            from = at + sentence.Length;
        }

        return units;
    }

    /// <summary>The table's header and separator lines (and caption above them), verbatim, or empty.</summary>
    public static string TableHeader(string text)
    {
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith('|'));
        return first < 0 || first + 1 >= lines.Length ? "" : lines[first] + "\n" + lines[first + 1];
    }

    private static HashSet<string> Terms(string text) => EvidenceJudge.WithStems(LexicalAnalyzer.Terms(text));
}
