using IndustryCopilot.Core.Documents;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>
/// Finds documents a query names: by title (also without the 中华人民共和国 prefix laws carry, and without 《》) or by
/// document number, also as people shorten it — a standard without its year or with GB for GB/T (<c>GB/T 3811</c>,
/// <c>GB 3811-2008</c> for GB/T 3811-2008; <c>Q/HD 006</c> for Q/HD 006-2024). Where one match lies inside a longer
/// one (安全生产法 inside 安全生产法实施条例) the longer wins. A document's sidecar may declare more names (<c>aliases</c>).
/// </summary>
public sealed partial class DocumentCatalog
{
    // Shorter keys would match ordinary words; a law's own short title (消防法, 劳动法) is the exception.
    private const int MinimumKeyLength = 4;
    private const int MinimumLawTitleLength = 3;
    private const int MinimumAliasLength = 2;
    private const string Prc = "中华人民共和国";
    private readonly List<(string Key, DocumentInfo Document)> _keys = [];

    public DocumentCatalog(IEnumerable<DocumentInfo> documents)
    {
        foreach (var document in documents)
        {
            foreach (var key in Keys(document).Distinct())
            {
                if (key.Length >= MinimumKeyLength || (key.Length >= MinimumLawTitleLength && key.EndsWith('法')))
                {
                    _keys.Add((key, document));
                }
            }

            // Names a person declared are taken as given, however short.
            foreach (var alias in document.Aliases.Select(a => Compact(a).Trim('《', '》')).Where(a => a.Length >= MinimumAliasLength).Distinct())
            {
                _keys.Add((alias, document));
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

            if (Locate(compact, key) is var at && at >= 0)
            {
                found.Add(new DocumentMention(document.Id, document.Title, at, at + key.Length));
            }
        }

        return found
            .Where(m => !found.Any(o => o != m && o.Start <= m.Start && o.End >= m.End && (o.End - o.Start) > (m.End - m.Start)))
            .GroupBy(m => m.DocumentId).Select(g => g.First())
            .OrderBy(m => m.Start).ToList();
    }

    // A key ending in a digit must not run on into more digits: GB/T 3811 is not GB/T 38110.
    private static int Locate(string compact, string key)
    {
        for (var at = compact.IndexOf(key, StringComparison.Ordinal); at >= 0; at = compact.IndexOf(key, at + 1, StringComparison.Ordinal))
        {
            var end = at + key.Length;
            if (!char.IsAsciiDigit(key[^1]) || end == compact.Length || !char.IsAsciiDigit(compact[end]))
            {
                return at;
            }
        }

        return -1;
    }

    private static IEnumerable<string> Keys(DocumentInfo document)
    {
        var title = Compact(document.Title).Trim('《', '》');
        yield return title;
        if (title.StartsWith(Prc, StringComparison.Ordinal))
        {
            yield return title[Prc.Length..];
        }

        if (document.DocumentNumber is { } number)
        {
            var n = Compact(number).Trim('《', '》');
            yield return n;
            if (n.StartsWith(Prc, StringComparison.Ordinal))
            {
                yield return n[Prc.Length..];
            }

            foreach (var shortened in StandardForms(n))
            {
                yield return shortened;
            }
        }
    }

    // gb/t3811-2008 → gb/t3811, gb3811-2008, gb3811; q/hd006-2024 → q/hd006. Only numbers shaped like standards.
    private static IEnumerable<string> StandardForms(string number)
    {
        if (Standard().Match(number) is not { Success: true } m)
        {
            yield break;
        }

        var body = m.Groups["body"].Value;
        var year = m.Groups["year"].Value;
        yield return m.Groups["prefix"].Value + body;
        if (m.Groups["kind"].Success)
        {
            var mandatory = m.Groups["issuer"].Value;
            yield return mandatory + body + year;
            yield return mandatory + body;
        }
    }

    private static string Compact(string text) =>
        LexicalAnalyzer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    // A Chinese standard number, compacted: issuer (GB, JB, Q/HD…), optional /T or /Z, the number, an optional year.
    [GeneratedRegex(@"^(?<prefix>(?<issuer>[a-z]{1,4}(?:/(?![tz]\d)[a-z]{1,6})?)(?<kind>/[tz])?)(?<body>\d+(?:\.\d+)*)(?<year>-(?:19|20)\d{2})?$")]
    private static partial Regex Standard();
}
