namespace IndustryCopilot.Core.Retrieval;

/// <summary>One way of finding chunks; the retriever fuses the lanes' rankings.</summary>
public enum SearchLane
{
    /// <summary>BM25 over jieba-segmented Chinese, English words and whole identifiers, with glossary expansion.</summary>
    Lexical,

    /// <summary>Cosine similarity of sentence embeddings; only for languages the embedding model knows.</summary>
    Dense,

    /// <summary>Exact clause labels, codes, document numbers and values.</summary>
    Identifier,

    /// <summary>The best passages of the documents the question names by title or number (run with <see cref="Identifier"/>).</summary>
    NamedDocument,

    /// <summary>Lexical, dense and identifier lanes fused inside the index's own query (Qdrant's Query API with RRF).</summary>
    Fused,

    /// <summary>Lucene.Net BM25 over SmartChineseAnalyzer words and CJK bigrams, for Chinese questions.</summary>
    ChineseBm25,

    /// <summary>The lexical rankings of a multi-part question's parts, taken in turns (<see cref="Query.QuestionParts"/>).</summary>
    Parts,

    /// <summary>
    /// The question translated into the catalog's other language (glossaries, dictionary, and the model's translation
    /// when one is configured), scored as a structured query over the gram field (<see cref="Translation.QueryTranslator"/>).
    /// </summary>
    Translated,

    /// <summary>The lexical ranking within penalty sections (法律责任, 罚则), for questions about consequences (<see cref="Query.PenaltyIntent"/>).</summary>
    Penalty,
}
