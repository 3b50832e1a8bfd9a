using System.Text.RegularExpressions;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval.Dense;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>
/// A deterministic stand-in for a sentence-embedding model: English words hashed into 64 dimensions, with a few
/// synonym pairs mapped to the same dimension so the dense lane can find what BM25 cannot.
/// </summary>
internal sealed partial class WordHashEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimension = 64;
    private static readonly Dictionary<string, string> Synonyms = new() { ["padlock"] = "lock", ["locks"] = "lock", ["machinery"] = "machine", ["machines"] = "machine" };

    public static TextEmbedder Create() => new(new WordHashEmbedder(), "word-hash", Dimension, [DocumentLanguage.En]);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)))));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        var v = new float[Dimension];
        foreach (Match m in Words().Matches(text.ToLowerInvariant()))
        {
            var word = Synonyms.GetValueOrDefault(m.Value, m.Value);
            v[(int)(Fnv1a(word) % Dimension)] += 1;
        }

        v[0] += 0.01f;
        return v;
    }

    // A fixed hash: string.GetHashCode is randomised per process, which made word collisions (and so the dense
    // ranking) differ from run to run.
    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex("[a-z]{3,}")]
    private static partial Regex Words();
}
