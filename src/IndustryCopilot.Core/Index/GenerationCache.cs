namespace IndustryCopilot.Core.Index;

/// <summary>
/// A value derived from the index (postings, vectors, the document catalog, counts), built on first use and rebuilt
/// whenever the index's <see cref="SqliteIndex.Generation"/> has moved, so readers see documents indexed since.
/// </summary>
public sealed class GenerationCache<T>(SqliteIndex index, Func<T> load)
{
    private T? _value;
    private long _generation = -1;

    public T Value
    {
        get
        {
            var generation = index.Generation;
            if (generation != _generation)
            {
                _value = load();
                _generation = generation;
            }

            return _value!;
        }
    }
}
