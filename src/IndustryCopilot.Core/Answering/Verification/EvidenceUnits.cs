using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>Cuts prompt sources into <see cref="EvidenceUnit"/>s: sentences and list steps, or table rows read with their caption and header.</summary>
internal static class EvidenceUnits
{
    public static List<EvidenceUnit> Of(PromptSource source)
    {
        var hit = source.Hit;
        var isTable = hit.Chunk.Kind == ChunkKind.Table;
        var place = hit.Document.Title + "\n" + (hit.Document.DocumentNumber ?? "") + "\n" + hit.Chunk.SectionPath + "\n" + (hit.Chunk.ClauseLabel ?? "");
        var header = isTable ? QuoteUnits.TableHeader(hit.Chunk.Text) + "\n" + (hit.Chunk.TableLabel ?? "") : "";
        var caption = isTable ? string.Join("\n", hit.Chunk.Text.Split('\n').TakeWhile(l => !l.StartsWith('|'))) : "";
        var headerUnits = isTable ? Quantities.NamedIn(caption + "\n" + header) : [];
        // A row is read with its column labels: "中等级 m, >6～30: ±0.20" states the 6～30 of its header too.
        var headerValues = isTable ? Quantities.In(caption + "\n" + header) : [];
        var placeGrams = Content.Grams(place + "\n" + caption + "\n" + header);
        var placeIdentifiers = ClaimIdentifiers.TermsOf(place);
        var units = new List<EvidenceUnit>();
        var quoteUnits = JoinedAtSemicolons(QuoteUnits.Of(0, hit.Chunk.Text, isTable), hit.Chunk.Text);
        var body = isTable ? Content.Grams(string.Join("\n", quoteUnits.Where(u => u.IsTableRow).Select(u => u.Text))) : [];
        foreach (var unit in quoteUnits)
        {
            var grams = Content.Grams(unit.Text);
            grams.UnionWith(placeGrams);
            var identifiers = ClaimIdentifiers.TermsOf(unit.Text + "\n" + caption + "\n" + header);
            identifiers.UnionWith(placeIdentifiers);
            units.Add(new EvidenceUnit(
                source.Number, unit.Index, unit.Text, unit.IsTableRow, grams, [.. Quantities.In(unit.Text), .. headerValues], headerUnits, identifiers,
                Modality.Forbids(unit.Text), Modality.Conditions(unit.Text), Content.IsChinese(unit.Text))
            {
                RowGrams = unit.IsTableRow ? (Content.Grams(unit.Text), body) : null,
                Characters = Content.Characters(unit.Text + "\n" + place),
                DocumentLanguage = source.Hit.Document.Language,
            });
        }

        return units;
    }

    // "Use only HD-46 oil; 18 litres are needed per unit." is one sentence to a reader, though the splitter cuts it at
    // the ';': the clauses stay units, and the whole sentence is one more. (Chinese '；' separates a law's items, which
    // stay apart.)
    private static List<QuoteUnit> JoinedAtSemicolons(List<QuoteUnit> units, string text)
    {
        var joined = new List<QuoteUnit>(units);
        for (var i = 0; i + 1 < units.Count; i++)
        {
            var (first, next) = (units[i], units[i + 1]);
            if (!first.IsTableRow && first.Text.TrimEnd().EndsWith(';') && next.Start >= first.End)
            {
                joined.Add(new QuoteUnit(first.HitRank, units.Count + i, first.Start, next.End, text[first.Start..next.End], false, QuoteUnitTerms(text[first.Start..next.End])));
            }
        }

        return joined;
    }

    private static HashSet<string> QuoteUnitTerms(string text) => EvidenceJudge.WithStems(Index.Lexical.LexicalAnalyzer.Terms(text));
}
