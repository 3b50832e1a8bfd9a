using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Translation;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// Decides whether retrieved passages answer a question. Support = the largest share of the question's key terms,
/// weighted by IDF, that one passage (with its document's title) holds; a key term the index has never seen weighs
/// the most, since a question about something the documents never mention should not be answered from them. Every
/// code, value and document number the question names must also occur in the evidence.
/// </summary>
public sealed class EvidenceJudge(SqliteIndex index)
{
    /// <summary>IDF weight of each of the question's key terms.</summary>
    public Dictionary<string, double> Weights(AnalyzedQuery query) => WeightsAndUnseen(query).Weights;

    /// <summary>IDF weight of each key term, and the key terms no indexed chunk holds.</summary>
    public (Dictionary<string, double> Weights, HashSet<string> Unseen) WeightsAndUnseen(AnalyzedQuery query)
    {
        var terms = query.Terms;
        var frequencies = index.DocumentFrequencies(terms);
        if (query.Translation is { } translation)
        {
            // A key term of the question's language that the catalog holds only in translation ("换油" over an English
            // manual) is as rare as its rarest-held rendering, and is not unseen: the documents do speak of it.
            foreach (var term in terms.Where(t => frequencies.GetValueOrDefault(t) == 0))
            {
                var held = translation.FrequencyInTranslation(term, index.DocumentFrequencies);
                if (held > 0)
                {
                    frequencies[term] = held;
                }
            }
        }

        var n = Math.Max(1, index.ChunkCount());
        var weights = terms.ToDictionary(t => t, t => Math.Log(1 + (n / (double)Math.Max(1, frequencies.GetValueOrDefault(t)))));
        return (weights, terms.Where(t => frequencies.GetValueOrDefault(t) == 0).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The passage's terms plus, through <paramref name="query"/>'s translation, the key terms it holds in the other language.</summary>
    public static HashSet<string> TermsOf(RetrievedChunk hit, AnalyzedQuery query) =>
        query.Translation is { } translation ? WithTranslation(TermsOf(hit), translation) : TermsOf(hit);

    /// <summary><paramref name="terms"/> plus the question's key terms whose translation they hold.</summary>
    public static HashSet<string> WithTranslation(IReadOnlySet<string> terms, QueryTranslation translation)
    {
        var result = new HashSet<string>(terms, StringComparer.Ordinal);
        result.UnionWith(translation.Covered(terms));
        return result;
    }

    /// <summary>Share (0–1) of the weighted terms present in <paramref name="present"/>.</summary>
    public static double Coverage(IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> present)
    {
        var total = weights.Values.Sum();
        return total <= 0 ? 0 : weights.Where(w => present.Contains(w.Key)).Sum(w => w.Value) / total;
    }

    /// <summary>
    /// The support of the best evidence chunk, and whether all named identifiers occur in the evidence;
    /// <paramref name="terms"/> holds each chunk's <see cref="TermsOf(RetrievedChunk)"/>, in the same order.
    /// </summary>
    public static (double Support, RetrievedChunk? Best, bool IdentifiersFound) Judge(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> evidence, IReadOnlyList<HashSet<string>> terms, IReadOnlyDictionary<string, double> weights)
    {
        double best = 0;
        RetrievedChunk? bestChunk = null;
        var allTerms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < evidence.Count; i++)
        {
            allTerms.UnionWith(terms[i]);
            var coverage = StemmedCoverage(weights, terms[i]);
            if (coverage > best)
            {
                best = coverage;
                bestChunk = evidence[i];
            }
        }

        var required = query.Identifiers.Where(i => i.Kind != IdentifierKind.Clause).GroupBy(i => i.Group);
        var found = required.All(g => g.Any(i => allTerms.Contains(i.Term)));
        return (best, bestChunk, found);
    }

    /// <summary>The terms of a passage with its document's title and number, plus English stems ("changed" meets "change").</summary>
    public static HashSet<string> TermsOf(RetrievedChunk hit) =>
        WithStems(LexicalAnalyzer.Terms(hit.Document.Title + "\n" + (hit.Document.DocumentNumber ?? "") + "\n" + hit.Chunk.SearchText));

    public static HashSet<string> WithStems(IEnumerable<string> terms)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            set.Add(term);
            set.Add(EnglishStemmer.Stem(term));
        }

        return set;
    }

    /// <summary>Coverage where a question term also counts as present when its stem is.</summary>
    public static double StemmedCoverage(IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> present)
    {
        var total = weights.Values.Sum();
        return total <= 0 ? 0 : weights.Where(w => Holds(present, w.Key)).Sum(w => w.Value) / total;
    }

    /// <summary>Whether a passage's terms hold a question's key term, as it is or by its English stem.</summary>
    public static bool Holds(IReadOnlySet<string> terms, string key) => terms.Contains(key) || terms.Contains(EnglishStemmer.Stem(key));
}
