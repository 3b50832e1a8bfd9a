using System.Numerics.Tensors;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Cli.Commands;

/// <summary>Fills an index with synthetic documents for benchmarks: real sentences recombined, codes and clause labels added.</summary>
internal static class SyntheticIndex
{
    internal const int ChunksPerDocument = 100;

    /// <summary>Adds 100-chunk documents until the index holds <paramref name="chunkCount"/> chunks; returns their ids.</summary>
    public static IReadOnlyList<string> Fill(SqliteIndex index, IReadOnlyList<string> sentences, int chunkCount, string modelId, int dimension)
    {
        var random = new Random(42);
        var added = new List<string>();
        for (var d = (int)(index.ChunkCount() / ChunksPerDocument); d * ChunksPerDocument < chunkCount; d++)
        {
            var id = $"synth{d:D6}";
            var chunks = new List<Chunk>(ChunksPerDocument);
            for (var c = 0; c < ChunksPerDocument; c++)
            {
                var clause = $"{(c / 10) + 1}.{(c % 10) + 1}";
                var text = string.Join(" ", Enumerable.Range(0, random.Next(2, 6)).Select(_ => sentences[random.Next(sentences.Count)]))
                    + $" E-{random.Next(100, 999)} M{random.Next(6, 30)}";
                chunks.Add(new Chunk { DocumentId = id, Ordinal = c, SectionPath = $"Synthetic manual {d} > {clause}", ClauseLabel = clause, Text = text, Hash = $"{d}-{c}", TokenCount = text.Length / 2 });
            }

            var document = new DocumentInfo
            {
                Id = id, SourcePath = $"/synthetic/{id}.md", ContentHash = id, Format = "markdown", SizeBytes = 0, Title = $"Synthetic manual {d}",
                Language = DocumentLanguage.Mixed, AccessGroups = ["public"], ChunkCount = chunks.Count,
            };
            index.ReplaceDocument(document, chunks, pipelineVersion: 0);
            index.StoreVectors(modelId, dimension, chunks.Select(c => (c.Id, RandomUnit(random, dimension))).ToList(), id);
            added.Add(id);
        }

        return added;
    }

    private static float[] RandomUnit(Random random, int dimension)
    {
        var v = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
