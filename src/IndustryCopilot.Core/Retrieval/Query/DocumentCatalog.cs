using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>
/// Finds documents a query names: by title (also without the 中华人民共和国 prefix laws carry, and without 《》) or by
/// document number. Where one match lies inside a longer one (安全生产法 inside 安全生产法实施条例) the longer wins.
/// </summary>
public sealed class DocumentCatalog
{
    private const int MinimumKeyLength = 4;
    private readonly List<(string Key, DocumentInfo Document)> _keys = [];

    public DocumentCatalog(IEnumerable<DocumentInfo> documents)
    {
        foreach (var document in documents)
        {
            foreach (var key in Keys(document).Distinct())
            {
                if (key.Length >= MinimumKeyLength)
                {
                    _keys.Add((key, document));
                }
            }
        }
    }

    public IReadOnlyList<DocumentMention> Find(string normalizedQuery, IReadOnlySet<string>? allowed)
    {
        var compact = normalizedQuery.Replace(" ", "", StringComparison.Ordinal);
        var found = new List<DocumentMention>();
        foreach (var (key, document) in _keys)
        {
            if (allowed is not null && !allowed.Contains(document.Id))
            {
                continue;
            }

            var at = compact.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0)
            {
                found.Add(new DocumentMention(document.Id, document.Title, at, at + key.Length));
            }
        }

        return found
            .Where(m => !found.Any(o => o != m && o.Start <= m.Start && o.End >= m.End && (o.End - o.Start) > (m.End - m.Start)))
            .GroupBy(m => m.DocumentId).Select(g => g.First())
            .OrderBy(m => m.Start).ToList();
    }

    private static IEnumerable<string> Keys(DocumentInfo document)
    {
        var title = Compact(document.Title);
        yield return title;
        if (title.StartsWith("中华人民共和国", StringComparison.Ordinal))
        {
            yield return title["中华人民共和国".Length..];
        }

        if (document.DocumentNumber is { } number)
        {
            var n = Compact(number).Trim('《', '》');
            yield return n;
            if (n.StartsWith("中华人民共和国", StringComparison.Ordinal))
            {
                yield return n["中华人民共和国".Length..];
            }
        }
    }

    private static string Compact(string text) =>
        LexicalAnalyzer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
}
