using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval;

/// <summary>Concurrent searches over one retriever: nothing makes them wait for each other.</summary>
public sealed class HybridRetrieverConcurrencyTests
{
    [Fact]
    public async Task SearchAsync_EightAtOnceWhileTheSearchIndexIsSlow_AllWaitInsideItTogether()
    {
        using var fixture = Plant();
        using var held = new HeldSearchIndex(new EmbeddedSearchIndex(fixture.Index, null));
        var retriever = new HybridRetriever(fixture.Index, held, new RetrievalOptions(), Glossary.Empty);

        // Behind a lock only one search would be inside the slow index and this would never be signalled.
        var searches = Enumerable.Range(0, 8).Select(_ => Task.Run(() => retriever.SearchAsync(new SearchRequest("coolant tank refill")))).ToList();
        await Until.Signalled(() => held.Waiting == 8, h => held.Entered += h, h => held.Entered -= h, "eight searches inside the search index at once");
        held.Gate.SetResult();
        var responses = await Until.Guarded(Task.WhenAll(searches), "the eight searches");

        Assert.All(responses, r => Assert.Equal("cnc#1", r.Hits[0].Chunk.Id));
    }

    [Fact]
    public async Task SearchAsync_CallerGivesUpWhileTheSearchIndexIsSlow_CancelledAndOthersUnaffected()
    {
        using var fixture = Plant();
        using var held = new HeldSearchIndex(new EmbeddedSearchIndex(fixture.Index, null));
        var retriever = new HybridRetriever(fixture.Index, held, new RetrievalOptions(), Glossary.Empty);
        using var cancel = new CancellationTokenSource();

        var abandoned = retriever.SearchAsync(new SearchRequest("coolant tank refill"), cancel.Token);
        var kept = retriever.SearchAsync(new SearchRequest("coolant tank refill"));
        await Until.Signalled(() => held.Waiting == 2, h => held.Entered += h, h => held.Entered -= h, "both searches inside the search index");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        held.Gate.SetResult();
        Assert.Equal("cnc#1", (await Until.Guarded(kept, "the search that was not cancelled")).Hits[0].Chunk.Id);
    }

    [Fact]
    public async Task SearchAsync_DocumentAddedBetweenConcurrentSearches_LaterSearchesFindIt()
    {
        using var fixture = Plant();
        var retriever = new HybridRetriever(fixture.Index, new RetrievalOptions(), Glossary.Empty);
        var before = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => retriever.SearchAsync(new SearchRequest("spindle bearing grease")))));

        fixture.Add("spindle", "SOP-PR-020 Spindle care", DocumentLanguage.En, ("3 Lubrication > 3.1", "3.1", "Grease the spindle bearing every 500 h."));
        var after = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => retriever.SearchAsync(new SearchRequest("spindle bearing grease")))));

        Assert.All(before, r => Assert.DoesNotContain(r.Hits, h => h.Document.Id == "spindle"));
        Assert.All(after, r => Assert.Equal("spindle#0", r.Hits[0].Chunk.Id));
    }

    private static RetrievalIndex Plant()
    {
        var fixture = new RetrievalIndex(dense: false);
        fixture.Add("cnc", "SOP-PR-017 CNC tool change", DocumentLanguage.En,
            ("5 Faults > 5.3.2", "5.3.2", "Alarm E-203: tool clamp pressure low."),
            ("5 Faults > 5.3.3", "5.3.3", "Refill the coolant tank."));
        return fixture;
    }
}
