using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Dense;

namespace IndustryCopilot.Core.Tests.Retrieval.Dense;

public sealed class VectorIndexTests
{
    private static VectorIndex Index() => new(new StoredVectors(
        [10, 11, 12, 13],
        ["a", "a", "b", "b"],
        [1, 0, 0, 0.8f, 0.6f, 0, 0, 1, 0, 0.6f, 0.8f, 0],
        3));

    [Fact]
    public void Search_ExactTopKByDotProduct_BestFirst()
    {
        var hits = Index().Search([0.6f, 0.8f, 0], null, 2);

        Assert.Equal([13L, 11L], hits.Select(h => h.RowId));
        Assert.Equal(1.0, hits[0].Score, 5);
    }

    [Fact]
    public void Search_AllowedDocuments_OthersNeverScored()
    {
        var hits = Index().Search([0.6f, 0.8f, 0], new HashSet<string> { "a" }, 5);

        Assert.Equal([11L, 10L], hits.Select(h => h.RowId));
    }

    [Fact]
    public void Search_WrongDimension_Throws()
    {
        Assert.Throws<ArgumentException>(() => Index().Search([1f, 0f], null, 1));
    }
}
