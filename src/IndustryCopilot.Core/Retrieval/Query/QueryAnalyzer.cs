using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Ingestion.Metadata;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>Turns a query into what the lanes need, the same way for every lane.</summary>
public static class QueryAnalyzer
{
    public static AnalyzedQuery Analyze(string query, Glossary glossary, DocumentCatalog catalog, IReadOnlySet<string>? allowedDocuments)
    {
        var normalized = LexicalAnalyzer.Normalize(query);
        var terms = ContentTerms(query);
        var expansions = glossary.Expand(normalized);
        var extra = expansions.SelectMany(e => e.Synonyms).SelectMany(ContentTerms).Distinct().Where(t => !terms.Contains(t)).ToList();
        var language = LanguageDetector.Detect(query);
        return new AnalyzedQuery(query, language == DocumentLanguage.Unknown ? DocumentLanguage.En : language)
        {
            Terms = terms,
            Grams = ContentGrams(query).Concat(expansions.SelectMany(e => e.Synonyms).SelectMany(ContentGrams)).Distinct().ToList(),
            Identifiers = LexicalAnalyzer.Identifiers(query),
            Mentions = catalog.Find(normalized, allowedDocuments),
            Expansions = expansions,
            ExpansionTerms = extra,
        };
    }

    /// <summary>Distinct grams of <paramref name="text"/> without stop words and grams holding a particle (的, 吗 …).</summary>
    public static List<string> ContentGrams(string text) =>
        LexicalAnalyzer.Grams(text).Where(g => !StopWords.Contains(g) && !g.Any(StopWords.IsParticle)).Distinct().ToList();

    /// <summary>Distinct lexical terms of <paramref name="text"/> without stop words and lone punctuation.</summary>
    public static List<string> ContentTerms(string text) =>
        LexicalAnalyzer.Terms(text).Where(t => !StopWords.Contains(t) && t.Any(char.IsLetterOrDigit)).Distinct().ToList();
}
