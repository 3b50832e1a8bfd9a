using IndustryCopilot.Core.Documents;
using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation.Metrics;

/// <summary>
/// Which gold units a retrieved chunk satisfies: same document (by path under the corpus), and same article or page;
/// a unit with neither (a table row of a Word or Excel file has no page) is satisfied by the chunk holding its quote.
/// </summary>
public sealed class GoldMatcher(string corpusDirectory)
{
    private readonly string _root = Path.GetFullPath(corpusDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    /// <summary>True when <paramref name="document"/> is the document of <paramref name="unit"/>.</summary>
    public bool IsDocument(GoldUnit unit, DocumentInfo document) => string.Equals(Relative(document), unit.Doc.Replace('\\', '/'), StringComparison.Ordinal);

    public IEnumerable<string> Matches(IReadOnlyList<GoldUnit> units, Chunk chunk, DocumentInfo document)
    {
        var relative = Relative(document);
        foreach (var unit in units)
        {
            if (!string.Equals(relative, unit.Doc.Replace('\\', '/'), StringComparison.Ordinal))
            {
                continue;
            }

            var matches = unit.Article is not null ? chunk.ClauseLabel == unit.Article
                : unit.Page is { } page ? chunk.PageStart <= page && page <= (chunk.PageEnd ?? chunk.PageStart)
                : unit.Quote is not { Length: > 0 } quote || chunk.Text.Contains(quote, StringComparison.Ordinal);
            if (matches)
            {
                yield return unit.Key;
            }
        }
    }

    private string Relative(DocumentInfo document) => document.SourcePath.StartsWith(_root, StringComparison.Ordinal)
        ? document.SourcePath[_root.Length..].Replace(Path.DirectorySeparatorChar, '/')
        : document.SourcePath;
}
