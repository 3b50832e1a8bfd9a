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
    public void For_DefaultMiniLm_NameTheReadmeGives()
    {
        // The hash part is the first 8 hex digits of SHA-256("all-MiniLM-L6-v2"), worked out outside .NET.
        Assert.Equal("icp_chunks__all-minilm-l6-v2-07db4e1f__384", CollectionNames.For("icp_chunks", new VectorModel("all-MiniLM-L6-v2", 384)));
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
