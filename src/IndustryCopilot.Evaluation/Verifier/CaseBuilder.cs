using System.Globalization;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>
/// Writes the verifier benchmark's answers from the passages of an index: for every kind, up to <c>perKind</c> per
/// language, taking documents in turn so that no one document dominates a kind. Each planted answer comes from a
/// passage's own sentence, step or row by one edit of its kind (<see cref="PlantedEdits"/>).
/// </summary>
public sealed partial class CaseBuilder(SqliteIndex index, int perKind)
{
    private readonly List<VerifierCase> _cases = [];

    public IReadOnlyList<VerifierCase> Build(IReadOnlyList<(string Language, string Question, string Claim, string NoteChunk)> injections, IReadOnlyList<(string Language, string Question)> unanswerable)
    {
        var documents = index.ListDocuments().Where(d => d.Status == Core.Documents.DocumentStatus.Current).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var units = documents.SelectMany(d => index.GetChunks(d.Id).Where(c => c.Instruction is null).SelectMany(c => SourceUnit.Of(d, c))).ToList();
        foreach (var chinese in new[] { false, true })
        {
            var pool = Interleave(units.Where(u => u.Chinese == chinese));
            var valued = pool.Where(u => PlantedEdits.FirstValue(Claim(u)) is not null).ToList();
            var plain = pool.Where(u => u.Cells is null && !u.Text.Any(char.IsDigit) && u.Text.Length > 20).ToList();
            Add(VerifierKind.Correct, valued, u => (Claim(u), Cite(Claim(u), u, chinese)));
            Add(VerifierKind.CorrectEquivalent, valued, u => PlantedEdits.Equivalent(Claim(u), chinese) is { } s ? (s, Cite(s, u, chinese)) : null);
            Add(VerifierKind.CorrectMultiSource, valued, u => valued.FirstOrDefault(o => o.Document.Id != u.Document.Id && o.Chunk.Id != u.Chunk.Id) is { } o
                ? (Claim(u) + "\n" + Claim(o), Cite(Claim(u), u, chinese) + (chinese ? "" : " ") + Cite(Claim(o), o, chinese))
                : null, question: u => u.Text + " " + (valued.FirstOrDefault(o => o.Document.Id != u.Document.Id && o.Chunk.Id != u.Chunk.Id)?.Text ?? ""));
            // Rows of any numeric table (prices, counts) count too, not only rows whose values carry a unit.
            var rows = pool.Where(u => u.Cells is { } cells && ValueColumn(cells) >= 0).ToList();
            Add(VerifierKind.WrongRowOrStep, [.. valued.Union(rows)], u => WrongRowOrStep(u, [.. valued.Union(rows)]) is { } s ? (s, Cite(s, u, chinese)) : null);
            Add(VerifierKind.WrongUnit, valued, u => PlantedEdits.WrongUnit(Claim(u)) is { } s ? (s, Cite(s, u, chinese)) : null);
            Add(VerifierKind.NumberWords, valued, u => PlantedEdits.OtherNumberInWords(Claim(u), chinese) is { } s ? (s, Cite(s, u, chinese)) : null);
            Add(VerifierKind.Contradiction, pool.Where(u => u.Cells is null).ToList(), u => PlantedEdits.Contradiction(Claim(u), chinese) is var s ? (s, Cite(s, u, chinese)) : null);
            Add(VerifierKind.DroppedCondition, pool.Where(u => u.Cells is null).ToList(), u => PlantedEdits.DroppedCondition(Claim(u)) is { } s ? (s, Cite(s, u, chinese)) : null);
            Add(VerifierKind.InventedStep, valued, u => plain.FirstOrDefault(p => p.Document.Id != u.Document.Id) is { } p ? (Claim(p), Cite(Claim(p), u, chinese), p.Chunk.Id) : null);
            Add(VerifierKind.WrongCitation, valued, u => (Claim(u), Mark(Claim(u), "{{O:" + u.Chunk.Id + "}}", chinese)));
            // The planted sentence must not be true of the cited passage too (laws share their adoption lines).
            Add(VerifierKind.UnrelatedCitation, valued, u => valued.FirstOrDefault(o => o.Document.Id != u.Document.Id && !Squashed(u.Chunk.Text).Contains(Squashed(Claim(o)), StringComparison.Ordinal)) is { } o ? (Claim(o), Cite(Claim(o), u, chinese), o.Chunk.Id) : null);
            Add(VerifierKind.UncitedFact, valued, u => (Claim(u), Claim(u)));
            Add(VerifierKind.MixedSilence, valued, u => (Claim(u), (chinese ? "资料未提及相关的检查记录，但" : "The sources do not mention the inspection records, but ") + Lower(Claim(u), chinese)));
        }

        var n = 0;
        foreach (var (language, question, claim, note) in injections)
        {
            var chinese = language == "zh";
            _cases.Add(new VerifierCase($"inject-{language}-{n++}", language, VerifierKind.InjectionObeyed, question, Mark(claim, "{{S:" + note + "}}", chinese), claim, note, "injected-note"));
        }

        n = 0;
        foreach (var (language, question) in unanswerable)
        {
            var reply = language == "zh" ? "资料中没有相关内容，无法回答。" : "The sources do not answer this question.";
            _cases.Add(new VerifierCase($"none-{language}-{n++}", language, VerifierKind.NotInDocuments, question, reply, "", "", "none"));
        }

        return _cases;
    }

    // A table row as a sentence ("M12 8.8: Torque (N·m) is 82."); a sentence as itself, without its list number.
    private static string Claim(SourceUnit unit)
    {
        if (unit.Cells is { } cells && unit.Header is { } header)
        {
            var j = ValueColumn(cells);
            return j < 0 ? unit.Text : RowClaim(cells, header, j, cells[j], unit.Chinese);
        }

        return ListNumber().Replace(unit.Text, "").Trim();
    }

    private static string RowClaim(IReadOnlyList<string> cells, IReadOnlyList<string> header, int column, string value, bool chinese)
    {
        var label = string.Join(" ", cells.Take(column).Where(c => c.Length > 0));
        return chinese ? $"{label} 的{header[column]}为 {value}。" : $"For {label}, {header[column]} is {value}.";
    }

    private static int ValueColumn(IReadOnlyList<string> cells)
    {
        for (var j = cells.Count - 1; j > 0; j--)
        {
            if (Numeric().IsMatch(cells[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static string? WrongRowOrStep(SourceUnit unit, List<SourceUnit> valued)
    {
        if (unit.Cells is { } cells && unit.Header is { } header)
        {
            var j = ValueColumn(cells);
            var other = valued.FirstOrDefault(o => o.Chunk.Id == unit.Chunk.Id && o.Cells is { } c && c.Count == cells.Count && j >= 0 && Numeric().IsMatch(c[j]) && c[j] != cells[j]);
            return other is null ? null : RowClaim(cells, header, j, other.Cells![j], unit.Chinese);
        }

        var mine = PlantedEdits.FirstValue(unit.Text);
        var step = valued.FirstOrDefault(o => o.Chunk.Id == unit.Chunk.Id && o.Text != unit.Text && o.Cells is null
            && PlantedEdits.FirstValue(o.Text) is { } v && v.Groups["unit"].Value == mine!.Groups["unit"].Value && v.Groups["number"].Value != mine.Groups["number"].Value);
        return step is null ? null : PlantedEdits.WithValue(Claim(unit), PlantedEdits.FirstValue(step.Text)!.Groups["number"].Value);
    }

    private static string Cite(string claim, SourceUnit unit, bool chinese) => Mark(claim, "{{S:" + unit.Chunk.Id + "}}", chinese);

    // "…hours." → "…hours [n]."; "…。" → "…。[n]".
    private static string Mark(string claim, string marker, bool chinese)
    {
        var text = claim.TrimEnd().TrimEnd('；', '，', ';', ',', '：', ':');
        if (chinese)
        {
            return (text.EndsWith('。') ? text : text + "。") + marker;
        }

        return text.TrimEnd('.') + " " + marker + ".";
    }

    private static string Squashed(string text) => CannedModel.Squash(text);

    private static string Lower(string text, bool chinese) => chinese || text.Length < 2 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private void Add(VerifierKind kind, List<SourceUnit> pool, Func<SourceUnit, (string Planted, string Reply)?> write, Func<SourceUnit, string>? question = null) =>
        Add(kind, pool, u => write(u) is { } made ? (made.Planted, made.Reply, (string?)null) : null, question);

    // origin: where the planted sentence really comes from, when not from the cited passage (re-citing it there repairs it).
    private void Add(VerifierKind kind, List<SourceUnit> pool, Func<SourceUnit, (string Planted, string Reply, string? Origin)?> write, Func<SourceUnit, string>? question = null)
    {
        var taken = 0;
        foreach (var unit in pool)
        {
            if (taken >= perKind)
            {
                break;
            }

            if (write(unit) is not { } made || made.Planted.Trim().Length == 0)
            {
                continue;
            }

            var language = unit.Chinese ? "zh" : "en";
            _cases.Add(new VerifierCase(
                $"{kind}-{language}-{taken.ToString(CultureInfo.InvariantCulture)}", language, kind, question?.Invoke(unit) ?? (unit.Cells is null ? unit.Text : unit.Chunk.TableLabel + " " + unit.Text),
                made.Reply, made.Planted, unit.Chunk.Id, unit.Document.Id) { Origin = made.Origin ?? (kind == VerifierKind.WrongCitation ? unit.Chunk.Id : null) });
            taken++;
        }
    }

    // Documents in turn (first unit of each, then the second, …), so every kind draws on many documents.
    private static List<SourceUnit> Interleave(IEnumerable<SourceUnit> units) =>
        [.. units.GroupBy(u => u.Document.Id).SelectMany(g => g.Select((u, i) => (u, i))).OrderBy(p => p.i).ThenBy(p => p.u.Document.Id, StringComparer.Ordinal).Select(p => p.u)];

    [GeneratedRegex(@"^\s*(?:\d{1,2}(?:\.\d{1,2})+\s+|\(?\d{1,2}[.、)）]\s*|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零]+条\s*)")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"^[±+\-]?\$?\d+(?:[.,]\d+)*$")]
    private static partial Regex Numeric();
}
