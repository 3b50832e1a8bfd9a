using System.Text.RegularExpressions;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>
/// The plant glossary: sets of terms that mean the same (叉车 · 场（厂）内专用机动车辆 · forklift). A query naming one
/// term of a set is also searched for the others in the lexical lane. File format: UTF-8 text, one set per line, terms
/// separated by tabs; blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
public sealed class Glossary
{
    private readonly List<(string Normalized, Regex? Pattern, int Set)> _phrases = [];
    private readonly List<string[]> _sets = [];

    public Glossary(IEnumerable<IReadOnlyList<string>> sets)
    {
        foreach (var set in sets)
        {
            var terms = set.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToArray();
            if (terms.Length < 2)
            {
                continue;
            }

            _sets.Add(terms);
            foreach (var term in terms)
            {
                var normalized = LexicalAnalyzer.Normalize(term);
                // Latin phrases match whole words only ("lock" must not expand "padlock"); Chinese ones as substrings.
                var pattern = normalized.Any(char.IsAsciiLetter) ? new Regex($@"(?<![a-z0-9]){Regex.Escape(normalized)}(?![a-z0-9])", RegexOptions.CultureInvariant) : null;
                _phrases.Add((normalized, pattern, _sets.Count - 1));
            }
        }
    }

    public static Glossary Empty { get; } = new([]);

    public int Count => _sets.Count;

    /// <summary>The synonym sets, as written (trimmed, without duplicates).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sets => _sets;

    /// <summary>Reads a glossary file; reports the line of the first malformed entry.</summary>
    public static Glossary Load(string path) => Parse(File.ReadLines(path), path);

    /// <summary>Parses glossary lines; <paramref name="source"/> names them in the error of a malformed entry.</summary>
    public static Glossary Parse(IEnumerable<string> lines, string source)
    {
        var sets = new List<IReadOnlyList<string>>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var terms = trimmed.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (terms.Length < 2)
            {
                throw new FormatException($"{source}:{number}: a glossary line needs at least two tab-separated terms");
            }

            sets.Add(terms);
        }

        return new Glossary(sets);
    }

    /// <summary>The glossary phrases found in the query and, for each, the other terms of its set.</summary>
    public IReadOnlyList<(string Phrase, IReadOnlyList<string> Synonyms)> Expand(string normalizedQuery)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        var seen = new HashSet<int>();
        foreach (var (phrase, pattern, set) in _phrases)
        {
            var hit = pattern is null ? normalizedQuery.Contains(phrase, StringComparison.Ordinal) : pattern.IsMatch(normalizedQuery);
            if (hit && seen.Add(set))
            {
                result.Add((phrase, _sets[set].Where(t => LexicalAnalyzer.Normalize(t) != phrase).ToList()));
            }
        }

        return result;
    }
}
