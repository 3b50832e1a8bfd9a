using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval;

/// <summary>The retriever over a search index that fuses its lanes itself (as Qdrant does), with the catalog beside it.</summary>
public sealed class HybridRetrieverProviderTests
{
    [Fact]
    public async Task Search_FusedRanking_MappedToCatalogChunksAndUnknownIdsDropped()
    {
        using var fixture = Plant();
        var search = new FusingSearchIndex("cnc#1", "gone#7", "cnc#0");
        var retriever = new HybridRetriever(fixture.Index, search, new RetrievalOptions(), Glossary.Empty);

        var response = (await retriever.SearchAsync(new SearchRequest("coolant level") { Lanes = SearchLanes.Hybrid }));

        Assert.Equal(["cnc#1", "cnc#0"], response.Hits.Select(h => h.Chunk.Id));
        Assert.Equal(1, response.Hits[0].Lanes[SearchLane.Fused].Rank);
        Assert.Equal("Refill the coolant tank.", response.Hits[0].Chunk.Text);
    }

    [Fact]
    public async Task Search_IndexReturnsADocumentTheCallerMayNotSee_DroppedByTheCatalogsGroups()
    {
        using var fixture = Plant();
        fixture.Add(new DocumentInfo { Id = "recipe", SourcePath = "/plant/recipe", ContentHash = "r", Format = "markdown", SizeBytes = 1, Title = "Coolant recipe", Language = DocumentLanguage.En, AccessGroups = ["process-eng"] },
            ("1 Mix", null, "Mix the coolant concentrate at 6 percent."));
        // A search index that lags the catalog (groups changed since its last sync) still returns the recipe.
        var search = new FusingSearchIndex("recipe#0", "cnc#1");
        var retriever = new HybridRetriever(fixture.Index, search, new RetrievalOptions(), Glossary.Empty);

        var response = (await retriever.SearchAsync(new SearchRequest("coolant") { Filter = new SearchFilter { AccessGroups = ["public"] }, Lanes = SearchLanes.Hybrid }));

        Assert.Equal(["cnc#1"], response.Hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Search_ArticleNamed_CatalogClauseLaneStillPutsItFirst()
    {
        using var fixture = Plant();
        var search = new FusingSearchIndex("cnc#1", "cnc#0");
        var retriever = new HybridRetriever(fixture.Index, search, new RetrievalOptions(), Glossary.Empty);

        var response = (await retriever.SearchAsync(new SearchRequest("安全生产法第二十一条")));

        Assert.Equal("safety#1", response.Hits[0].Chunk.Id);
        Assert.Contains(SearchLane.Identifier, response.LanesRun);
    }

    [Fact]
    public async Task Search_CallersFilterAndPlan_PassedIntoTheIndexQuery()
    {
        using var fixture = Plant();
        var search = new FusingSearchIndex();
        var retriever = new HybridRetriever(fixture.Index, search, new RetrievalOptions { RrfK = 40, IdentifierWeight = 5 }, Glossary.Empty);
        var filter = new SearchFilter { AccessGroups = ["maintenance"], DocTypes = ["sop"] };

        await retriever.SearchAsync(new SearchRequest("alarm E-203 coolant") { Filter = filter, K = 7 });

        var query = search.Queries[0];
        Assert.Same(filter, query.Filter);
        Assert.Contains("coolant", query.Terms);
        Assert.Contains(query.IdentifierGroups, g => g.Contains("e-203"));
        Assert.Equal((40, 5.0, 50), (query.RrfK, query.IdentifierWeight, query.K));
    }

    private static RetrievalIndex Plant()
    {
        var fixture = new RetrievalIndex(dense: false);
        fixture.Add("safety", "中华人民共和国安全生产法", DocumentLanguage.Zh,
            ("第三章 > 第二十条", "第二十条", "第二十条 生产经营单位应当具备本法规定的安全生产条件。"),
            ("第三章 > 第二十一条", "第二十一条", "第二十一条 生产经营单位的主要负责人对本单位安全生产工作负有建立健全全员安全生产责任制的职责。"));
        fixture.Add("cnc", "SOP-PR-017 CNC tool change", DocumentLanguage.En,
            ("5 Faults > 5.3.2", "5.3.2", "Alarm E-203: tool clamp pressure low."),
            ("5 Faults > 5.3.3", "5.3.3", "Refill the coolant tank."));
        return fixture;
    }
}
