using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Qdrant.Collections;

namespace IndustryCopilot.Qdrant.Tests.Collections;

public sealed class CollectionNamesTests
{
    [Fact]
    public void For_Model_AliasModelAndDimensionInTheName()
    {
        var name = CollectionNames.For("icp_chunks", new VectorModel("sentence-transformers/all-MiniLM-L6-v2", 384));

        Assert.StartsWith("icp_chunks__sentence-transformers-all-minilm-l6-v2-", name, StringComparison.Ordinal);
        Assert.EndsWith("__384", name, StringComparison.Ordinal);
    }

    [Fact]
    public void For_IdsThatReduceAlike_StillDifferentCollections()
    {
        Assert.NotEqual(CollectionNames.For("c", new VectorModel("Model.A", 8)), CollectionNames.For("c", new VectorModel("model-a", 8)));
        Assert.NotEqual(CollectionNames.For("c", new VectorModel("m", 8)), CollectionNames.For("c", new VectorModel("m", 16)));
    }

    [Fact]
    public void For_NoModel_LexicalCollection()
    {
        Assert.Equal("c__lexical", CollectionNames.For("c", null));
    }
}
