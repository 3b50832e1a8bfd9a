namespace IndustryCopilot.Qdrant.Tests;

public sealed class QdrantOptionsTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(new QdrantOptions().Problems());
    }

    [Theory]
    [InlineData("localhost:6334")]
    [InlineData("ftp://qdrant:6334")]
    [InlineData("")]
    public void Problems_UrlNotHttp_NamesTheSetting(string url)
    {
        var problem = Assert.Single(new QdrantOptions { Url = url }.Problems());

        Assert.Contains("Qdrant:Url", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_CollectionWithSpaces_Reported()
    {
        Assert.Contains(new QdrantOptions { Collection = "plant chunks" }.Problems(), p => p.StartsWith("Qdrant:Collection", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_SeveralWrong_EveryOneReported()
    {
        var problems = new QdrantOptions { Url = "qdrant", Collection = "plant chunks", BatchSize = 0, Shards = 0 }.Problems().ToList();

        Assert.Equal(4, problems.Count);
    }
}
