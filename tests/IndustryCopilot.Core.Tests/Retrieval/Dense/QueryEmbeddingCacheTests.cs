using IndustryCopilot.Core.Retrieval.Dense;

namespace IndustryCopilot.Core.Tests.Retrieval.Dense;

public sealed class QueryEmbeddingCacheTests
{
    [Fact]
    public void GetOrAdd_SameTextTwice_EmbedsOnceAndReturnsTheSameVector()
    {
        var cache = new QueryEmbeddingCache(4);
        var calls = 0;
        float[] Embed(string text) { calls++; return [text.Length]; }

        var first = cache.GetOrAdd("E-217 alarm", Embed);
        var second = cache.GetOrAdd("E-217 alarm", Embed);

        Assert.Same(first, second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void GetOrAdd_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        var cache = new QueryEmbeddingCache(2);
        var embedded = new List<string>();
        float[] Embed(string text) { embedded.Add(text); return [1]; }

        cache.GetOrAdd("a", Embed);
        cache.GetOrAdd("b", Embed);
        cache.GetOrAdd("a", Embed);   // a is now the most recent
        cache.GetOrAdd("c", Embed);   // evicts b
        cache.GetOrAdd("a", Embed);
        cache.GetOrAdd("b", Embed);

        Assert.Equal(["a", "b", "c", "b"], embedded);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GetOrAdd_CapacityZero_NeverCaches()
    {
        var cache = new QueryEmbeddingCache(0);
        var calls = 0;

        cache.GetOrAdd("q", _ => { calls++; return [1]; });
        cache.GetOrAdd("q", _ => { calls++; return [1]; });

        Assert.Equal(2, calls);
        Assert.Equal(0, cache.Count);
    }
}
