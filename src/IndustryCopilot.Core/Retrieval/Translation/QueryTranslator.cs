using System.Text.RegularExpressions;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// Dictionary-based query translation, Chinese ↔ English, for the translated lane: the glossaries first (longest term
/// first), then the general dictionary word by word; codes, numbers and Latin words are kept, since they read the same
/// in both languages. Each source word becomes one group of renderings (a structured query). Thread-safe.
/// </summary>
public sealed partial class QueryTranslator(TranslationGlossary glossary, BilingualLexicon dictionary)
{

    /// <summary>Most dictionary senses (zh → en) or headwords (en → zh) kept per word; the first are the main meanings.</summary>
    public const int MaxRenderings = 4;

    public TranslationGlossary Glossary => glossary;

    public BilingualLexicon Dictionary => dictionary;

    /// <summary>Dictionary candidates looked at per word before those the catalog lacks are dropped.</summary>
    private const int Candidates = 16;

    /// <summary>
    /// The question's words rendered in <paramref name="to"/>; <paramref name="keyTerms"/> are its analysed key terms.
    /// With <paramref name="frequencies"/> (the catalog's document frequency of index grams), a word's dictionary
    /// renderings are those the catalog holds, in dictionary order: a rendering no passage holds finds nothing and only
    /// crowds out one that would (the target collection picks among a dictionary's senses).
    /// </summary>
    public QueryTranslation Translate(string question, DocumentLanguage to, IReadOnlyList<string> keyTerms, string? modelText = null, Func<IEnumerable<string>, Dictionary<string, long>>? frequencies = null)
    {
        var normalized = LexicalAnalyzer.Normalize(question);
        var from = to == DocumentLanguage.En ? DocumentLanguage.Zh : DocumentLanguage.En;
        var terms = to == DocumentLanguage.En ? FromChinese(normalized, keyTerms, frequencies) : FromEnglish(normalized, keyTerms, frequencies);
        if (!string.IsNullOrWhiteSpace(modelText))
        {
            terms.AddRange(FromModel(modelText, to));
        }

        return new QueryTranslation(from, to, terms) { ModelText = string.IsNullOrWhiteSpace(modelText) ? null : modelText.Trim() };
    }

    private List<TranslatedTerm> FromChinese(string text, IReadOnlyList<string> keyTerms, Func<IEnumerable<string>, Dictionary<string, long>>? frequencies)
    {
        var result = new List<TranslatedTerm>();
        foreach (Match run in Runs().Matches(text))
        {
            if (!CjkText.IsIdeograph(run.Value[0]))
            {
                AddKept(result, run.Value, keyTerms);
                continue;
            }

            var rest = 0;
            for (var i = 0; i < run.Value.Length;)
            {
                if (glossary.LongestChineseAt(run.Value, i) is { } term)
                {
                    AddChineseWords(result, run.Value[rest..i], keyTerms, frequencies);
                    result.Add(English(term, glossary.English(term).Select(EnglishRendering), TranslationOrigin.Glossary, keyTerms));
                    i += term.Length;
                    rest = i;
                }
                else
                {
                    i++;
                }
            }

            AddChineseWords(result, run.Value[rest..], keyTerms, frequencies);
        }

        return Merge(result);
    }

    private void AddChineseWords(List<TranslatedTerm> result, string text, IReadOnlyList<string> keyTerms, Func<IEnumerable<string>, Dictionary<string, long>>? frequencies)
    {
        if (text.Length == 0)
        {
            return;
        }

        foreach (var word in JiebaSegmenterHost.Cut(text))
        {
            if (StopWords.Contains(word) || word.All(StopWords.IsParticle) || TranslationStopWords.IsQuestionWord(word))
            {
                continue;
            }

            if (glossary.English(word) is { Count: > 0 } glossed)
            {
                result.Add(English(word, glossed.Select(EnglishRendering), TranslationOrigin.Glossary, keyTerms));
            }
            else if (dictionary.Contains(word))
            {
                result.Add(FromDictionary(word, keyTerms, frequencies));
            }
            else
            {
                // A word the dictionary lacks (often a compound jieba kept whole): its longest known parts, left to right.
                for (var i = 0; i < word.Length;)
                {
                    var length = Math.Min(dictionary.MaxHeadwordLength, word.Length - i);
                    while (length > 1 && !dictionary.Contains(word.Substring(i, length)))
                    {
                        length--;
                    }

                    if (length > 1)
                    {
                        result.Add(FromDictionary(word.Substring(i, length), keyTerms, frequencies));
                    }

                    i += Math.Max(1, length);
                }
            }
        }
    }

    private TranslatedTerm FromDictionary(string word, IReadOnlyList<string> keyTerms, Func<IEnumerable<string>, Dictionary<string, long>>? frequencies) =>
        English(word, Held(dictionary.English(word).Take(Candidates).Select(EnglishRendering), frequencies), TranslationOrigin.Dictionary, keyTerms) with { Weight = word.Length == 1 ? 0.5 : 1.0 };

    // The renderings the catalog holds every gram of; without statistics, the first ones. A word's own senses (zh → en)
    // keep the dictionary's order, which puts the main meaning first; the headwords found for an English word (en → zh)
    // have no order of their own in CC-CEDICT, so the ones more passages use come first.
    private static IEnumerable<Rendering> Held(IEnumerable<Rendering> renderings, Func<IEnumerable<string>, Dictionary<string, long>>? frequencies, bool byFrequency = false)
    {
        var list = renderings.Where(r => r.Grams.Count > 0).ToList();
        if (frequencies is null)
        {
            return list.Take(MaxRenderings);
        }

        var known = frequencies(list.SelectMany(r => r.Grams).Distinct(StringComparer.Ordinal));
        var held = list.Where(r => r.Grams.All(known.ContainsKey));
        return (byFrequency ? held.OrderByDescending(r => r.Grams.Min(g => known[g])) : held).Take(MaxRenderings);
    }

    private static TranslatedTerm English(string source, IEnumerable<Rendering> renderings, TranslationOrigin origin, IReadOnlyList<string> keyTerms) =>
        new(source, keyTerms.Where(k => k.Length > 0 && source.Contains(k, StringComparison.Ordinal)).ToList(), renderings.Where(r => r.Grams.Count > 0).DistinctBy(r => string.Join(' ', r.Grams)).ToList(), origin);

    private static Rendering EnglishRendering(string phrase)
    {
        var stems = SenseText.ContentStems(phrase);
        return new Rendering(phrase, stems, stems);
    }

    private List<TranslatedTerm> FromEnglish(string text, IReadOnlyList<string> keyTerms, Func<IEnumerable<string>, Dictionary<string, long>>? frequencies)
    {
        var words = Latin().Matches(text).Select(m => m.Value).ToList();
        var result = new List<TranslatedTerm>();
        for (var i = 0; i < words.Count;)
        {
            var taken = 0;
            for (var n = Math.Min(Math.Max(glossary.MaxEnglishWords, SenseText.MaxWords) + 1, words.Count - i); n >= 1 && taken == 0; n--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(n));
                var key = SenseText.Key(phrase);
                if (key.Length == 0 || (n > 1 && (StopWords.Contains(words[i]) || StopWords.Contains(words[i + n - 1]))))
                {
                    continue;
                }

                var (chinese, origin) = glossary.Chinese(key) is { Count: > 0 } glossed
                    ? (glossed, TranslationOrigin.Glossary)
                    : (n <= SenseText.MaxWords ? dictionary.Chinese(key, Candidates) : [], TranslationOrigin.Dictionary);
                var renderings = origin == TranslationOrigin.Glossary ? chinese.Select(ChineseRendering).Where(r => r.Grams.Count > 0).ToList() : Held(chinese.Select(ChineseRendering), frequencies, byFrequency: true).ToList();
                if (renderings.Count > 0)
                {
                    var stems = SenseText.ContentStems(phrase);
                    var sources = keyTerms.Where(k => stems.Contains(EnglishStemmer.Stem(k)) || words.Skip(i).Take(n).Contains(k)).ToList();
                    result.Add(new TranslatedTerm(phrase, sources, renderings, origin));
                    taken = n;
                }
            }

            if (taken == 0)
            {
                AddKept(result, words[i], keyTerms);
                taken = 1;
            }

            i += taken;
        }

        return Merge(result);
    }

    private static Rendering ChineseRendering(string chinese) =>
        new(chinese, LexicalAnalyzer.Grams(chinese).Distinct().ToList(), QueryAnalyzer.ContentTerms(chinese));

    // Codes, numbers and words the dictionaries lack read the same in a document of either language ("PLC", "E-203", "1910.147").
    private static void AddKept(List<TranslatedTerm> result, string token, IReadOnlyList<string> keyTerms)
    {
        if (StopWords.Contains(token) || (token.Length < 2 && !char.IsDigit(token[0])))
        {
            return;
        }

        var grams = LexicalAnalyzer.Grams(token);
        var terms = QueryAnalyzer.ContentTerms(token);
        if (grams.Count > 0 || terms.Count > 0)
        {
            result.Add(new TranslatedTerm(token, keyTerms.Where(k => k == token || terms.Contains(k)).ToList(), [new Rendering(token, grams, terms.Select(EnglishStemmer.Stem).ToList())], TranslationOrigin.Kept));
        }
    }

    private static IEnumerable<TranslatedTerm> FromModel(string text, DocumentLanguage to)
    {
        var words = to == DocumentLanguage.En
            ? SenseText.Words(LexicalAnalyzer.Normalize(text)).Where(w => !StopWords.Contains(w)).Distinct()
            : QueryAnalyzer.ContentTerms(text).Where(t => t.Any(CjkText.IsIdeograph));
        foreach (var word in words)
        {
            var rendering = to == DocumentLanguage.En ? EnglishRendering(word) : ChineseRendering(word);
            if (rendering.Grams.Count > 0)
            {
                yield return new TranslatedTerm(word, [], [rendering], TranslationOrigin.Model);
            }
        }
    }

    // The same source word twice ("检查…检查") is one group, not two votes.
    private static List<TranslatedTerm> Merge(List<TranslatedTerm> terms) =>
        terms.Where(t => t.Renderings.Count > 0).GroupBy(t => t.Source, StringComparer.Ordinal).Select(g => g.First()).ToList();

    [GeneratedRegex(@"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[\-./][a-z0-9]+)*")]
    private static partial Regex Runs();

    [GeneratedRegex(@"[a-z0-9]+(?:['’\-][a-z0-9]+)*")]
    private static partial Regex Latin();
}
