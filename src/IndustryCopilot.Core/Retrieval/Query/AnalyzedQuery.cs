using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Retrieval.Query;

/// <summary>How a query was understood: language, content terms, identifiers, named documents and glossary expansion.</summary>
public sealed record AnalyzedQuery(string Text, DocumentLanguage Language)
{
    /// <summary>Distinct lexical terms without stop words, in query order.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Distinct bigrams of Chinese runs and stems of English words, without stop words (the partial-match column).</summary>
    public IReadOnlyList<string> Grams { get; init; } = [];

    public IReadOnlyList<Identifier> Identifiers { get; init; } = [];

    public IReadOnlyList<DocumentMention> Mentions { get; init; } = [];

    /// <summary>Glossary synonyms found for the query: the matched phrase and the terms added for it.</summary>
    public IReadOnlyList<(string Phrase, IReadOnlyList<string> Synonyms)> Expansions { get; init; } = [];

    /// <summary>
    /// The question in the catalog's other language, when the caller may see documents in it (set by the retriever);
    /// null when the catalog is of the question's language only.
    /// </summary>
    public Translation.QueryTranslation? Translation { get; init; }

    /// <summary>Lexical terms added by the glossary (not already in <see cref="Terms"/>).</summary>
    public IReadOnlyList<string> ExpansionTerms { get; init; } = [];
}
