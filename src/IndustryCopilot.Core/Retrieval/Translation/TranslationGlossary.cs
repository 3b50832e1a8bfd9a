using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// The bilingual glossaries as translation tables: the shipped industrial glossary (industrial-glossary.tsv) under the
/// plant's glossary.tsv, where a shipped set sharing any term with a plant set is left out, so the plant's wording
/// wins. Within a set, the Chinese terms translate to its English terms and back; sets of one language add nothing.
/// </summary>
public sealed class TranslationGlossary
{
    private const string ShippedResource = "IndustryCopilot.Core.industrial-glossary.tsv";
    private readonly Dictionary<string, List<string>> _english = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _chinese = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<string>> _byFirst = [];

    public TranslationGlossary(Glossary plant, Glossary shipped)
    {
        var plantTerms = plant.Sets.SelectMany(s => s).Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        var sets = plant.Sets.Concat(shipped.Sets.Where(s => !s.Any(t => plantTerms.Contains(KeyOf(t)))));
        foreach (var set in sets)
        {
            var chinese = set.Where(IsChinese).Select(LexicalAnalyzer.Normalize).Distinct().ToList();
            var english = set.Where(t => !IsChinese(t)).Distinct().ToList();
            if (chinese.Count == 0 || english.Count == 0)
            {
                continue;
            }

            foreach (var term in chinese)
            {
                Add(_english, term, english);
            }

            foreach (var term in english)
            {
                Add(_chinese, SenseText.Key(term), chinese);
            }
        }

        foreach (var term in _english.Keys)
        {
            if (!_byFirst.TryGetValue(term[0], out var list))
            {
                _byFirst[term[0]] = list = [];
            }

            list.Add(term);
        }

        foreach (var list in _byFirst.Values)
        {
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        MaxEnglishWords = _chinese.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>The industrial glossary shipped inside the product.</summary>
    public static Glossary Shipped { get; } = LoadShipped();

    /// <summary>Most content words of an English glossary term (the longest phrase worth looking up).</summary>
    public int MaxEnglishWords { get; }

    public int ChineseTerms => _english.Count;

    /// <summary>The longest Chinese glossary term starting at <paramref name="at"/> of <paramref name="text"/> (two characters or more).</summary>
    public string? LongestChineseAt(string text, int at)
    {
        if (!_byFirst.TryGetValue(text[at], out var candidates))
        {
            return null;
        }

        foreach (var term in candidates)
        {
            if (term.Length >= 2 && string.CompareOrdinal(text, at, term, 0, term.Length) == 0)
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>English terms of a Chinese term (normalized), or empty.</summary>
    public IReadOnlyList<string> English(string chinese) => _english.GetValueOrDefault(chinese) ?? [];

    /// <summary>Chinese terms of an English phrase key (<see cref="SenseText.Key"/>), or empty.</summary>
    public IReadOnlyList<string> Chinese(string key) => _chinese.GetValueOrDefault(key) ?? [];

    private static bool IsChinese(string term) => term.Any(CjkText.IsIdeograph);

    private static string KeyOf(string term) => IsChinese(term) ? LexicalAnalyzer.Normalize(term) : SenseText.Key(term);

    private static void Add(Dictionary<string, List<string>> table, string key, List<string> values)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!table.TryGetValue(key, out var list))
        {
            table[key] = list = [];
        }

        list.AddRange(values.Where(v => !list.Contains(v)));
    }

    private static Glossary LoadShipped()
    {
        using var stream = typeof(TranslationGlossary).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new FileNotFoundException($"The shipped glossary {ShippedResource} is not embedded in this build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return Glossary.Parse(lines, "industrial-glossary.tsv");
    }
}
