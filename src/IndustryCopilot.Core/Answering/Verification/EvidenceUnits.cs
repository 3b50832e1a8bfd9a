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
        var quoteUnits = QuoteUnits.Of(0, hit.Chunk.Text, isTable);
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
            });
        }

        return units;
    }
}
