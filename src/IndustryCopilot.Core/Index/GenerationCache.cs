namespace IndustryCopilot.Core.Index;

/// <summary>
/// A value derived from the index (postings, vectors, the document catalog, counts), built on first use and rebuilt
/// whenever the index's <see cref="SqliteIndex.Generation"/> has moved, so readers see documents indexed since.
/// Thread-safe: readers of the current value never wait; when the generation moves, one caller rebuilds while the
/// others for the same cache wait for it (one rebuild, not one per concurrent search). The value itself must be safe
/// to read concurrently, since every caller shares it.
/// </summary>
public sealed class GenerationCache<T>(SqliteIndex index, Func<T> load)
{
    private readonly Lock _build = new();
    private Built? _built;

    public T Value
    {
        get
        {
            var generation = index.Generation;
            if (Volatile.Read(ref _built) is { } current && current.Generation == generation)
            {
                return current.Value;
            }

            lock (_build)
            {
                if (_built is { } built && built.Generation == generation)
                {
                    return built.Value;
                }

                var value = load();
                Volatile.Write(ref _built, new Built(generation, value));
                return value;
            }
        }
    }

    private sealed record Built(long Generation, T Value);
}
