using System.Text;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Qdrant.Points;

/// <summary>
/// Our lexical tokens as a Qdrant sparse vector. Qdrant's own BM25 tokeniser does not segment Chinese, so the tokens
/// are the embedded index's (jieba words, English words and stems, whole identifiers, bigrams) and each becomes a
/// stable term id: FNV-1a (32-bit) of its UTF-8 bytes, with words and grams kept apart by a prefix. Ids need no
/// shared dictionary, so every server and every run agrees on them; a collision merges two rare terms (about 1 pair
/// in 9,000 at 100,000 distinct terms). Document values are BM25's term-frequency part (k1 1.2, b 0.75); the
/// collection's IDF modifier supplies the rest, so score = Σ idf · tf-part · query weight.
/// </summary>
public static class SparseTerms
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    public static uint TermId(string term) => Fnv1A("t:" + term);

    public static uint GramId(string gram) => Fnv1A("g:" + gram);

    /// <summary>The document side: BM25 term-frequency parts of the text's terms and grams, by id.</summary>
    public static (float[] Values, uint[] Indices) ForDocument(string lexicalText, double averageTerms, double averageGrams)
    {
        var vector = new SortedDictionary<uint, float>();
        Add(vector, LexicalAnalyzer.Terms(lexicalText), TermId, averageTerms);
        Add(vector, LexicalAnalyzer.Grams(lexicalText), GramId, averageGrams);
        return ([.. vector.Values], [.. vector.Keys]);
    }

    /// <summary>The query side: each distinct term with weight 1 and each distinct gram with <paramref name="gramWeight"/>.</summary>
    public static (float[] Values, uint[] Indices) ForQuery(IEnumerable<string> terms, IEnumerable<string> grams, double gramWeight)
    {
        var vector = new SortedDictionary<uint, float>();
        foreach (var id in terms.Distinct(StringComparer.Ordinal).Select(TermId))
        {
            vector[id] = vector.GetValueOrDefault(id) + 1f;
        }

        if (gramWeight > 0)
        {
            foreach (var id in grams.Distinct(StringComparer.Ordinal).Select(GramId))
            {
                vector[id] = vector.GetValueOrDefault(id) + (float)gramWeight;
            }
        }

        return ([.. vector.Values], [.. vector.Keys]);
    }

    /// <summary>
    /// The query side of a structured query (the translated lane). Qdrant scores term by term with its own IDF, so the
    /// union frequency of a group cannot be had server-side; the group's weight is shared out among its renderings and
    /// their grams instead, which keeps a word with many senses from outweighing a word with one.
    /// </summary>
    public static (float[] Values, uint[] Indices) ForGroups(IEnumerable<Core.Index.Search.TermGroup> groups)
    {
        var vector = new SortedDictionary<uint, float>();
        foreach (var group in groups)
        {
            var alternatives = group.Alternatives.Where(a => a.Count > 0).ToList();
            foreach (var alternative in alternatives)
            {
                var grams = alternative.Distinct(StringComparer.Ordinal).ToList();
                foreach (var id in grams.Select(GramId))
                {
                    vector[id] = vector.GetValueOrDefault(id) + (float)(group.Weight / (alternatives.Count * grams.Count));
                }
            }
        }

        return ([.. vector.Values], [.. vector.Keys]);
    }

    private static void Add(SortedDictionary<uint, float> vector, List<string> tokens, Func<string, uint> id, double average)
    {
        var norm = K1 * (1 - B + (B * tokens.Count / (float)average));
        foreach (var group in tokens.GroupBy(t => t, StringComparer.Ordinal))
        {
            float tf = group.Count();
            var key = id(group.Key);
            vector[key] = vector.GetValueOrDefault(key) + (tf * (K1 + 1) / (tf + norm));
        }
    }

    private static uint Fnv1A(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
