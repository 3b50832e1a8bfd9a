using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Onnx.Embeddings;

/// <summary>
/// The sentence-embedding model of the dense lane (configuration section <c>Embeddings</c>). With no
/// <see cref="ModelPath"/> the built-in all-MiniLM-L6-v2 (English, 384-d) is used.
/// </summary>
public sealed class OnnxEmbeddingOptions : IValidatedOptions
{
    public const string Section = "Embeddings";

    /// <summary>False turns the dense lane off: nothing is embedded and search uses the lexical and identifier lanes. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Path of a sentence-embedding ONNX model (BERT-style inputs). Default: none, the built-in MiniLM.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Path of the model's WordPiece <c>vocab.txt</c>; required with <see cref="ModelPath"/>.</summary>
    public string? VocabPath { get; set; }

    /// <summary>Recorded with every vector; changing it makes the index re-embed. Default <c>all-MiniLM-L6-v2</c>.</summary>
    public string ModelId { get; set; } = "all-MiniLM-L6-v2";

    /// <summary>Output dimension; checked against the model at load. Default 384.</summary>
    public int Dimension { get; set; } = 384;

    /// <summary>Languages the model was trained on (<c>en</c>, <c>zh</c>). Default <c>en</c> — MiniLM maps Chinese to [UNK].</summary>
    public List<string> Languages { get; set; } = ["en"];

    /// <summary>Tokens per text including [CLS]/[SEP]; longer text is truncated. Default 256 (MiniLM's training length).</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Texts per inference call. Default 16.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Intra-op threads; 0 = one per core. Default 0.</summary>
    public int Threads { get; set; }

    /// <summary>Lower-case before WordPiece (uncased models). Default true.</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary><c>mean</c> (sentence-transformers default) or <c>cls</c> pooling (bge models). Default <c>mean</c>.</summary>
    public string Pooling { get; set; } = "mean";

    public IReadOnlyCollection<DocumentLanguage> ParsedLanguages() =>
        Languages.Select(l => Enum.Parse<DocumentLanguage>(l, ignoreCase: true)).ToList();

    public IEnumerable<string> Problems()
    {
        if (ModelPath is not null && !File.Exists(ModelPath))
        {
            yield return $"Embeddings:ModelPath: file not found: {ModelPath}";
        }

        if (ModelPath is not null && (VocabPath is null || !File.Exists(VocabPath)))
        {
            yield return $"Embeddings:VocabPath: a model given by path needs its vocab.txt (not found: {VocabPath ?? "(not set)"})";
        }

        if (string.IsNullOrWhiteSpace(ModelId))
        {
            yield return "Embeddings:ModelId must not be empty";
        }

        if (Dimension is < 8 or > 8192 || MaxTokens is < 8 or > 8192 || BatchSize is < 1 or > 1024 || Threads < 0)
        {
            yield return "Embeddings: Dimension 8–8192, MaxTokens 8–8192, BatchSize 1–1024 and Threads ≥ 0 are required";
        }

        if (Pooling is not ("mean" or "cls"))
        {
            yield return $"Embeddings:Pooling must be 'mean' or 'cls', not '{Pooling}'";
        }

        foreach (var language in Languages)
        {
            if (!Enum.TryParse<DocumentLanguage>(language, ignoreCase: true, out var parsed) || parsed is DocumentLanguage.Unknown)
            {
                yield return $"Embeddings:Languages: unknown language '{language}' (use en, zh, mixed)";
            }
        }
    }
}
