using System.Numerics.Tensors;
using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Core.Retrieval.Dense;

/// <summary>
/// Exact nearest neighbours over normalised vectors held in memory: one SIMD dot product per allowed row and a
/// bounded heap. At plant scale (≤ 100k chunks × 384 d) this costs milliseconds, with no recall lost to an
/// approximate index.
/// </summary>
public sealed class VectorIndex(StoredVectors vectors)
{
    public int Count => vectors.Count;

    public IReadOnlyList<ChunkScore> Search(ReadOnlySpan<float> query, IReadOnlySet<string>? allowedDocuments, int k)
    {
        if (k <= 0 || vectors.Count == 0)
        {
            return [];
        }

        if (query.Length != vectors.Dimension)
        {
            throw new ArgumentException($"query has {query.Length} dimensions, the index {vectors.Dimension}", nameof(query));
        }

        var top = new TopK(k);
        var matrix = vectors.Matrix.AsSpan();
        var dimension = vectors.Dimension;
        string? lastDocument = null;
        var lastAllowed = true;
        for (var row = 0; row < vectors.Count; row++)
        {
            if (allowedDocuments is not null)
            {
                // Rows are grouped by document, so the set lookup runs once per document, not per row.
                var document = vectors.DocumentIds[row];
                if (!ReferenceEquals(document, lastDocument))
                {
                    lastDocument = document;
                    lastAllowed = allowedDocuments.Contains(document);
                }

                if (!lastAllowed)
                {
                    continue;
                }
            }

            var score = TensorPrimitives.Dot(query, matrix.Slice(row * dimension, dimension));
            top.Offer(row, score);
        }

        return top.Drain(vectors.RowIds);
    }
}
