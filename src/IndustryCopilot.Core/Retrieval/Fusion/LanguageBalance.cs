using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Translation;

namespace IndustryCopilot.Core.Retrieval.Fusion;

/// <summary>
/// The check on the translated lane's extra weight: a passage in the other language keeps it only if it says at least
/// as much of the question as the best passage in the question's own language near the head of the ranking (share of
/// the question's key terms, IDF-weighted, held directly or through a translation). An English README among Chinese
/// laws matches "safety" and "law" and would otherwise take half the head of every Chinese question.
/// </summary>
internal static class LanguageBalance
{
    /// <summary>Passages of the fused head looked at.</summary>
    public const int Head = 10;

    /// <summary>The best own-language passage is sought among the first few of the head.</summary>
    private const int OwnCompared = 3;

    /// <summary>The rows of <paramref name="head"/> in the other language that say less of the question than the best own-language row.</summary>
    public static HashSet<long> Weaker(SqliteIndex index, IReadOnlyList<long> head, Func<long, bool> isOther, IReadOnlyList<string> keyTerms, QueryTranslation translation)
    {
        // Nothing to compare with (a catalog of the other language only), or nobody leaning on the extra weight: no
        // passage needs reading, which keeps this off the cost of most searches.
        var others = head.Where(isOther).ToList();
        var own = head.Where(r => !isOther(r)).Take(OwnCompared).ToList();
        if (others.Count == 0 || own.Count == 0)
        {
            return [];
        }

        head = [.. own, .. others];
        var weights = Weights(index, keyTerms, translation);
        var total = weights.Values.Sum();
        var coverage = new Dictionary<long, double>();
        foreach (var chunk in index.GetChunksByRowId(head))
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in LexicalAnalyzer.Terms(chunk.Chunk.SearchText))
            {
                terms.Add(term);
                terms.Add(EnglishStemmer.Stem(term));
            }

            terms.UnionWith(translation.Covered(terms));
            coverage[chunk.RowId] = total <= 0 ? 0 : weights.Where(w => terms.Contains(w.Key)).Sum(w => w.Value) / total;
        }

        var best = own.Select(r => coverage.GetValueOrDefault(r)).Max();
        return others.Where(r => coverage.GetValueOrDefault(r) < best).ToHashSet();
    }

    // IDF of each key term; a term only the other language holds weighs as its rarest-held rendering.
    private static Dictionary<string, double> Weights(SqliteIndex index, IReadOnlyList<string> keyTerms, QueryTranslation translation)
    {
        var frequencies = index.DocumentFrequencies(keyTerms);
        var n = Math.Max(1, index.ChunkCount());
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in keyTerms)
        {
            var df = frequencies.GetValueOrDefault(term);
            if (df == 0)
            {
                df = translation.FrequencyInTranslation(term, index.DocumentFrequencies);
            }

            weights[term] = Math.Log(1 + (n / (double)Math.Max(1, df)));
        }

        return weights;
    }
}
