using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Core.Retrieval;

/// <summary>Fusion and candidate settings of hybrid retrieval (configuration section <c>Retrieval</c>).</summary>
public sealed class RetrievalOptions : IValidatedOptions
{
    public const string Section = "Retrieval";

    /// <summary>Candidates each lane contributes to fusion. Default 50.</summary>
    public int CandidatesPerLane { get; set; } = 50;

    /// <summary>The k of reciprocal rank fusion, 1/(k + rank): larger flattens the head. Default 60.</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of the bigram/stem column's BM25 relative to the word column's inside the lexical lane. Default 1.</summary>
    public double GramWeight { get; set; } = 1.0;

    /// <summary>Most word terms one lexical query searches for (the rarest are kept). Default 32.</summary>
    public int MaxQueryTerms { get; set; } = 32;

    /// <summary>Most grams (bigrams, stems) one lexical query searches for (the rarest are kept). Default 48.</summary>
    public int MaxQueryGrams { get; set; } = 48;

    /// <summary>
    /// Terms held by more than this share of all chunks are left out of lexical queries (near-zero IDF, long posting
    /// lists) unless the query has nothing rarer. Default 0.5.
    /// </summary>
    public double CommonTermShare { get; set; } = 0.5;

    /// <summary>Weight of the lexical lane in fusion. Default 1.</summary>
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>Weight of the dense lane in fusion. Default 1.</summary>
    public double DenseWeight { get; set; } = 1.0;

    /// <summary>Weight of the identifier lane; above the other two together so exact matches rank first. Default 3.</summary>
    public double IdentifierWeight { get; set; } = 3.0;

    /// <summary>
    /// Glossary file (TSV, one synonym set per line). Relative paths are looked up in the data directory, then the
    /// corpus folders. Default <c>glossary.tsv</c>; a missing file means no expansion.
    /// </summary>
    public string GlossaryFile { get; set; } = "glossary.tsv";

    /// <summary>Weight of the passages of documents the question names; a hint, not proof, so like one lane. Default 1.</summary>
    public double NamedDocumentWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the Lucene Chinese lane (SmartChineseAnalyzer words and CJK bigrams, BM25) for Chinese questions; 0
    /// turns it off (and it is not built). Default 1, like the other lanes. Its in-memory index is built on the first
    /// search (~35–40 s at 100,000 chunks on 2 cores), then updated document by document as the catalog changes, and a
    /// Chinese search costs ~10–15 ms more (docs/evaluation.md).
    /// </summary>
    public double ChineseBm25Weight { get; set; } = 1.0;

    /// <summary>
    /// Query embeddings kept for reuse, most recently used first (an embedding depends only on the text and the model,
    /// and a query costs ~10 ms of CPU to embed, more than the rest of a search). 0 turns the cache off. Default 1024 (~1.5 MB at 384 dimensions).
    /// </summary>
    public int QueryEmbeddingCacheSize { get; set; } = 1024;

    /// <summary>
    /// Weight of the parts lane: a question asking two or more things (two or more question marks) is also searched part by part,
    /// so that each part's best passage reaches the head. 0 turns it off. Default 1.
    /// </summary>
    public double PartsWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the penalty lane: a question about consequences (罚款, 后果, 法律责任, penalty) also gets, of each document
    /// in the order the question's words rank them, its best passage in a penalty section (法律责任, 罚则, 奖惩,
    /// Penalties), three at most. 0 turns it off. Default 1.
    /// </summary>
    public double PenaltyWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the translated lane: a question in one language is also searched in the catalog's other language
    /// (Chinese ↔ English), word by word through the glossaries and the dictionary. Runs only when the documents the
    /// caller may see include the other language; 0 turns it off. Default 1.
    /// </summary>
    public double TranslatedWeight { get; set; } = 1.0;

    /// <summary>
    /// The general dictionary of the translated lane: a CC-CEDICT-style file (headword, TAB, senses separated by '/',
    /// gzipped when it ends in .gz). Empty (default): the CC-CEDICT built into the product.
    /// </summary>
    public string DictionaryFile { get; set; } = "";

    /// <summary>Use the industrial glossary shipped with the product for translation, under the plant's glossary. Default true.</summary>
    public bool IndustrialGlossary { get; set; } = true;

    /// <summary>
    /// When the translated lane runs, weight it as many times as the lanes that speak the question's language, so that
    /// in a catalog of both languages the best passage in the other language is not outvoted by weaker ones in the
    /// question's own; a passage keeps that weight only if it holds as much of the question as the best own-language
    /// passage near the head (docs/evaluation.md, Across languages). Default true.
    /// </summary>
    public bool BalanceLanguages { get; set; } = true;

    public double Weight(SearchLane lane) => lane switch
    {
        SearchLane.Translated => TranslatedWeight,
        SearchLane.Penalty => PenaltyWeight,
        SearchLane.Parts => PartsWeight,
        SearchLane.Lexical => LexicalWeight,
        SearchLane.Dense => DenseWeight,
        SearchLane.NamedDocument => NamedDocumentWeight,
        SearchLane.ChineseBm25 => ChineseBm25Weight,

        // A fused ranking stands for the lexical and dense lanes at once; exact identifiers keep their own lane.
        SearchLane.Fused => LexicalWeight + DenseWeight,
        _ => IdentifierWeight,
    };

    public IEnumerable<string> Problems()
    {
        if (MaxQueryTerms is < 1 or > 256 || MaxQueryGrams is < 0 or > 256 || CommonTermShare is <= 0 or > 1)
        {
            yield return "Retrieval: MaxQueryTerms 1–256, MaxQueryGrams 0–256 and CommonTermShare in (0, 1] are required";
        }

        if (CandidatesPerLane is < 1 or > 1000 || RrfK is < 1 or > 1000)
        {
            yield return "Retrieval: CandidatesPerLane and RrfK must be 1–1000";
        }

        if (QueryEmbeddingCacheSize is < 0 or > 1_000_000)
        {
            yield return "Retrieval: QueryEmbeddingCacheSize must be 0–1000000";
        }

        if (GramWeight < 0 || LexicalWeight < 0 || DenseWeight < 0 || IdentifierWeight < 0 || NamedDocumentWeight < 0 || ChineseBm25Weight < 0 || PartsWeight < 0 || PenaltyWeight < 0 || TranslatedWeight < 0)
        {
            yield return "Retrieval: lane weights must not be negative";
        }
    }
}
