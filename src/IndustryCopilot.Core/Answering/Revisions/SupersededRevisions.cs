using System.Text.RegularExpressions;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering.Revisions;

/// <summary>
/// Answers stay on the current revision; a question that names an older one gets a note of what that revision said and
/// since when it is superseded. Only revisions of the same line (same number, same access groups: the one the cited
/// document superseded) that the caller may see are read.
/// </summary>
public static partial class SupersededRevisions
{
    /// <summary>The revision a question names (<c>Rev B</c>, <c>rev. B</c>, <c>Revision 2</c>, <c>version C</c>, <c>B 版</c>, <c>版本B</c>), bare, or null.</summary>
    public static string? Named(string question)
    {
        var match = Mention().Match(question);
        return !match.Success ? null : (match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value).ToUpperInvariant();
    }

    /// <summary>The note for <paramref name="answer"/> when <paramref name="question"/> names another revision of a cited document; else null.</summary>
    public static RevisionNote? Note(string question, Answer answer, SqliteIndex index, SearchFilter filter)
    {
        if (Named(question) is not { } named || answer.Citations.Count == 0)
        {
            return null;
        }

        var zh = answer.Language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var cited = answer.Citations.Where(c => c.DocumentNumber is not null).GroupBy(c => c.DocumentId).Select(g => g.First()).FirstOrDefault();
        if (cited is null || string.Equals(CitationFormat.Bare(cited.Revision), named, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var current = CitationFormat.Bare(cited.Revision);
        var effective = index.GetDocument(cited.DocumentId)?.EffectiveDate;
        var old = index.ListDocuments().FirstOrDefault(d =>
            d.Status == DocumentStatus.Superseded && d.DocumentNumber == cited.DocumentNumber && d.SupersededBy == cited.DocumentId
            && string.Equals(CitationFormat.Bare(d.Revision), named, StringComparison.OrdinalIgnoreCase)
            && (filter.AccessGroups is not { } groups || d.AccessGroups.Any(groups.Contains)));
        if (old is null)
        {
            return new RevisionNote(named, cited.DocumentNumber!, current, effective, zh
                ? $"知识库中没有 {cited.DocumentNumber} 的 {named} 版；以上答案依据现行 {current} 版。"
                : $"The catalog holds no Rev. {named} of {cited.DocumentNumber}; the answer above is from the current Rev. {current}.");
        }

        var (chunk, quote) = Closest(index.GetChunks(old.Id), $"{question}\n{string.Join("\n", answer.Citations.Where(c => c.DocumentId == cited.DocumentId).Select(c => c.Quote))}");
        var since = effective is { } day ? (zh ? $"（{current} 版自 {day:yyyy-MM-dd} 起实施）" : $" (effective {day:yyyy-MM-dd})") : "";
        var text = zh
            ? $"您提到的 {named} 版已被现行 {current} 版替代{since}，以上答案依据 {current} 版。" + (quote is null ? $"{named} 版中没有找到对应内容。" : $"{named} 版对应内容（仅供追溯）：“{quote}”")
            : $"Rev. {named}, which you named, was superseded by the current Rev. {current}{since}; the answer above is from Rev. {current}. " + (quote is null ? $"Rev. {named} has no matching passage." : $"Rev. {named} said (for tracing only): “{quote}”");
        return new RevisionNote(named, cited.DocumentNumber!, current, effective, text) { DocumentId = old.Id, ChunkId = chunk?.Id, Quote = quote };
    }

    // The old revision's passage sharing most words with the question and the current answer's quotes, and in it the line that does.
    private static (Chunk? Chunk, string? Quote) Closest(IReadOnlyList<Chunk> chunks, string text)
    {
        var wanted = EvidenceJudge.WithStems(LexicalAnalyzer.Terms(text));
        int Overlap(string s) => EvidenceJudge.WithStems(LexicalAnalyzer.Terms(s)).Count(wanted.Contains);
        var chunk = chunks.Where(c => c.Instruction is null).MaxBy(c => Overlap(c.Text));
        if (chunk is null || Overlap(chunk.Text) == 0)
        {
            return (null, null);
        }

        var line = chunk.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).MaxBy(Overlap);
        return (chunk, line);
    }

    // Lookarounds, not \b: a Chinese character is a word character, so "在B版里" has no boundary before the B.
    [GeneratedRegex(@"(?:(?<![A-Za-z])(?:rev(?:ision)?\.?|version|版本)\s*[:：]?\s*(?<a>[A-Za-z]|\d{1,2})(?![A-Za-z0-9]))|(?:(?<![A-Za-z0-9])(?<b>[A-Z])\s*版)", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();
}
