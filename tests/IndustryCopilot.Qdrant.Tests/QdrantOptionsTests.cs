namespace IndustryCopilot.Qdrant.Tests;

public sealed class QdrantOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.Null(Record.Exception(() => new QdrantOptions().Validate()));
    }

    [Theory]
    [InlineData("localhost:6334")]
    [InlineData("ftp://qdrant:6334")]
    [InlineData("")]
    public void Validate_UrlNotHttp_RefusedNamingTheSetting(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new QdrantOptions { Url = url }.Validate());

        Assert.Contains("Qdrant:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CollectionWithSpaces_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => new QdrantOptions { Collection = "plant chunks" }.Validate());
    }

    [Fact]
    public void Validate_ZeroBatch_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => new QdrantOptions { BatchSize = 0 }.Validate());
    }
}
