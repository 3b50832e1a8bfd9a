using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// One search of an <see cref="ISearchIndex"/>: the planned lexical terms, the query vector, the identifier groups
/// that must all occur, and the caller's filter, which every lane applies inside its query (so the top k is the top
/// k of what the caller may see).
/// </summary>
public sealed record IndexQuery
{
    /// <summary>Word terms (BM25 field one), as <see cref="Lexical.LexicalAnalyzer.Terms"/> writes them.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Bigrams and stems (BM25 field two), as <see cref="Lexical.LexicalAnalyzer.Grams"/> writes them.</summary>
    public IReadOnlyList<string> Grams { get; init; } = [];

    /// <summary>
    /// A structured query over the gram field (the question translated into the catalog's other language); when set,
    /// the lexical lane scores these groups instead of <see cref="Terms"/> and <see cref="Grams"/>.
    /// </summary>
    public IReadOnlyList<TermGroup> TermGroups { get; init; } = [];

    /// <summary>Weight of the grams relative to the terms. Default 1.</summary>
    public double GramWeight { get; init; } = 1.0;

    /// <summary>The query's unit-length embedding of <see cref="ISearchIndex.Model"/>; null skips the dense lane.</summary>
    public float[]? Vector { get; init; }

    /// <summary>
    /// Identifier terms (codes, document numbers, values) by group: a chunk must hold one spelling of every group to be
    /// found by the identifier lane, which ranks such chunks by BM25 over <see cref="Terms"/> and the identifiers.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> IdentifierGroups { get; init; } = [];

    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>Narrower filter of the identifier lane (the documents the question names); null: <see cref="Filter"/>.</summary>
    public SearchFilter? IdentifierFilter { get; init; }

    /// <summary>Lanes to run. Default lexical, dense and identifier.</summary>
    public SearchLanes Lanes { get; init; } = SearchLanes.All;

    /// <summary>Hits per lane. Default 50.</summary>
    public int K { get; init; } = 50;

    /// <summary>Fusion weights, for indexes that fuse inside the query.</summary>
    public double LexicalWeight { get; init; } = 1.0;

    public double DenseWeight { get; init; } = 1.0;

    public double IdentifierWeight { get; init; } = 3.0;

    /// <summary>The k of reciprocal rank fusion, 1/(k + rank) with rank from 1. Default 60.</summary>
    public int RrfK { get; init; } = 60;
}
