using System.Diagnostics.Metrics;

namespace IndustryCopilot.Core.Retrieval.Dense;

/// <summary>
/// Least-recently-used query embeddings by exact query text, for one embedding model. Thread-safe. Plants repeat
/// themselves — the same alarm code from every MES screen on a line, the same question from a shift — and embedding
/// is most of a search's CPU. Hits and misses are counted on <c>icp.embedding.cache</c> (tag <c>result</c>).
/// </summary>
public sealed class QueryEmbeddingCache(int capacity)
{
    private static readonly Counter<long> Lookups = new Meter(RetrievalMetrics.MeterName).CreateCounter<long>("icp.embedding.cache", "{lookup}", "Query embedding cache lookups by result");
    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> _recent = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cached vector for <paramref name="text"/>, else <paramref name="embed"/>'s (computed outside the lock, then kept).</summary>
    public float[] GetOrAdd(string text, Func<string, float[]> embed) =>
        TryGet(text) ?? Keep(text, embed(text));

    /// <summary>As <see cref="GetOrAdd"/>, awaiting <paramref name="embed"/> with the caller's cancellation.</summary>
    public async Task<float[]> GetOrAddAsync(string text, Func<string, CancellationToken, Task<float[]>> embed, CancellationToken cancellationToken = default) =>
        TryGet(text) ?? Keep(text, await embed(text, cancellationToken).ConfigureAwait(false));

    private float[]? TryGet(string text)
    {
        if (capacity == 0)
        {
            return null;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(text, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                Lookups.Add(1, Hit);
                return node.Value.Vector;
            }
        }

        Lookups.Add(1, Miss);
        return null;
    }

    // Two searches of one new query may both embed it: the vectors are equal and the first kept stays.
    private float[] Keep(string text, float[] vector)
    {
        if (capacity == 0)
        {
            return vector;
        }

        lock (_lock)
        {
            if (!_entries.ContainsKey(text))
            {
                _entries[text] = _recent.AddFirst((text, vector));
                if (_entries.Count > capacity)
                {
                    _entries.Remove(_recent.Last!.Value.Text);
                    _recent.RemoveLast();
                }
            }
        }

        return vector;
    }
}
