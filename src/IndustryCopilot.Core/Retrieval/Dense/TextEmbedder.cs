using System.Numerics.Tensors;
using IndustryCopilot.Core.Documents;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Core.Retrieval.Dense;

/// <summary>
/// A sentence-embedding model as the dense lane sees it: any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
/// plus what the index must know about it — a model id and dimension (so vectors of two models never mix) and the
/// languages it was trained on (so it is never asked about text it turns into noise, e.g. Chinese for an English-only
/// vocabulary). Vectors come out L2-normalised, so a dot product is the cosine similarity.
/// </summary>
public sealed class TextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string modelId, int dimension, IReadOnlyCollection<DocumentLanguage> languages) : IDisposable
{
    public string ModelId { get; } = modelId;

    /// <summary>Vector length; the index refuses vectors of any other length.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>Languages the model understands; text in other languages gets no vector.</summary>
    public IReadOnlyCollection<DocumentLanguage> Languages { get; } = languages;

    /// <summary>What the index records for its vectors: <c>{ModelId}|{Dimension}</c>.</summary>
    public string ModelKey => $"{ModelId}|{Dimension}";

    /// <summary>True when text in <paramref name="language"/> is meaningful to the model (mixed text counts when either part is).</summary>
    public bool Supports(DocumentLanguage language) => language switch
    {
        DocumentLanguage.Mixed => Languages.Contains(DocumentLanguage.Mixed) || Languages.Contains(DocumentLanguage.En) || Languages.Contains(DocumentLanguage.Zh),
        DocumentLanguage.Unknown => Languages.Contains(DocumentLanguage.En),
        _ => Languages.Contains(language),
    };

    /// <summary>Embeds with the caller's cancellation, awaiting the generator (a remote one would not block a thread).</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        texts.Count == 0 ? [] : Normalise(await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false));

    private float[][] Normalise(GeneratedEmbeddings<Embedding<float>> embeddings)
    {
        var result = new float[embeddings.Count][];
        for (var i = 0; i < embeddings.Count; i++)
        {
            var vector = embeddings[i].Vector.ToArray();
            if (vector.Length != Dimension)
            {
                throw new InvalidOperationException($"embedding model {ModelId} returned {vector.Length} dimensions; configured {Dimension}");
            }

            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            result[i] = vector;
        }

        return result;
    }

    public void Dispose() => generator.Dispose();
}
