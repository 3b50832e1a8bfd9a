using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;
using static IndustryCopilot.IndexContract.Tests.ContractDocuments;

namespace IndustryCopilot.IndexContract.Tests;

/// <summary>
/// What every search index must do, whatever stores it: replace and remove by document, filters and access groups
/// inside the query, hybrid ranking, the identifier lane, and noticing a change of embedding model. Each provider
/// runs this suite through a subclass that says how to open a fresh, empty index.
/// </summary>
public abstract class SearchIndexContract : IDisposable
{
    private readonly List<ISearchIndex> _opened = [];

    /// <summary>A fresh, empty index for <paramref name="model"/>; a second call in one test must reach the same store.</summary>
    protected abstract ISearchIndex Open(VectorModel? model);

    [SkippableFact]
    public async Task ReplaceDocument_NewDocument_ItsChunksAreFoundByTheirWords()
    {
        var index = Create();
        await index.ReplaceDocumentAsync(PumpManual());

        var hits = await Lexical(index, "lubrication bearing temperature");

        Assert.Equal("pump#1", hits[0]);
    }

    [SkippableFact]
    public async Task ReplaceDocument_SecondVersion_OnlyTheNewChunksRemain()
    {
        var index = Create();
        await index.ReplaceDocumentAsync(PumpManual("1"));
        await index.ReplaceDocumentAsync(PumpManual("2"));

        Assert.Empty(await Lexical(index, "lithium grease"));
        Assert.Equal(["pump#1"], (await Lexical(index, "impeller nut torque")).Take(1));
        var state = Assert.Single(await index.ListDocumentsAsync());
        Assert.Equal(PumpManual("2").Fingerprint(index.Model), state.Fingerprint);
    }

    [SkippableFact]
    public async Task RemoveDocument_Indexed_GoneAndSecondRemoveReturnsFalse()
    {
        var index = Create();
        await index.ReplaceDocumentAsync(PumpManual());
        await index.ReplaceDocumentAsync(QualitySop());

        Assert.True(await index.RemoveDocumentAsync("pump"));

        Assert.Empty(await Lexical(index, "impeller nut torque"));
        Assert.False(await index.RemoveDocumentAsync("pump"));
        Assert.Equal(["sop-q"], (await index.ListDocumentsAsync()).Select(s => s.DocumentId));
    }

    [SkippableFact]
    public async Task Search_DocTypeAndEquipmentFilters_OnlyMatchingDocuments()
    {
        var index = await Seeded();

        var sops = await Lexical(index, "measure bore torque", new SearchFilter { DocTypes = ["sop"] });
        var pumps = await Lexical(index, "measure bore torque", new SearchFilter { Equipment = ["P-200"] });

        Assert.Equal(["sop-q#0"], sops);
        Assert.All(pumps, id => Assert.StartsWith("pump#", id, StringComparison.Ordinal));
        Assert.NotEmpty(pumps);
    }

    [SkippableFact]
    public async Task Search_AccessGroups_OnlyDocumentsSharingAGroup()
    {
        var index = await Seeded();

        var production = await Lexical(index, "sample parts bore gauge", new SearchFilter { AccessGroups = ["public", "production"] });
        var quality = await Lexical(index, "sample parts bore gauge", new SearchFilter { AccessGroups = ["quality"] });
        var nobody = await index.SearchAsync(Query("sample parts bore gauge", new SearchFilter { AccessGroups = [] }, Near(4)));

        Assert.DoesNotContain("sop-q#0", production);
        Assert.Equal(["sop-q#0"], quality);
        Assert.All(nobody.Lanes.Values, hits => Assert.Empty(hits));
    }

    [SkippableFact]
    public async Task Search_SupersededRevision_LeftOutUnlessAsked()
    {
        var index = await Seeded();

        var current = await Lexical(index, "purge hopper changeover");
        var all = await Lexical(index, "purge hopper changeover", new SearchFilter { IncludeSuperseded = true });

        Assert.Equal(["wi-C#0"], current);
        Assert.Equal(["wi-B#0", "wi-C#0"], all.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Search_DenseOnly_NearestVectorFirstWithinFilter()
    {
        var index = await Seeded();

        var near = await index.SearchAsync(Query("", SearchFilter.None, Near(3)) with { Lanes = SearchLanes.Dense });
        var filtered = await index.SearchAsync(Query("", new SearchFilter { DocTypes = ["sop"] }, Near(3)) with { Lanes = SearchLanes.Dense });

        Assert.Equal("pump#3", Fused(near)[0]);
        Assert.Equal(["sop-q#0"], Fused(filtered));
    }

    [SkippableFact]
    public async Task Search_Hybrid_ChunkStrongInBothLanesRanksFirst()
    {
        var index = await Seeded();

        // Words point at the torque chunk (and the fault chunks share "check"); the vector points at the torque chunk's axis.
        var result = await index.SearchAsync(Query("check impeller torque", SearchFilter.None, Near(2)));

        Assert.Equal("pump#2", Fused(result)[0]);
    }

    [SkippableFact]
    public async Task Search_IdentifierLane_OnlyChunksHoldingEveryCode()
    {
        var index = await Seeded();
        var query = Query("fault valve", SearchFilter.None, null) with
        {
            Lanes = SearchLanes.Identifier,
            IdentifierGroups = [Ids("E-203"), Ids("V-17")],
        };

        var result = await index.SearchAsync(query);
        var noChunkHoldsBoth = await index.SearchAsync(query with { IdentifierGroups = [Ids("E-203"), Ids("E-204")] });

        Assert.Equal(["pump#0"], Fused(result));
        Assert.Empty(Fused(noChunkHoldsBoth));
    }

    [SkippableFact]
    public async Task Search_IdentifierLaneWithNarrowerScope_OnlyThatScope()
    {
        var index = await Seeded();
        var query = Query("fault", SearchFilter.None, null) with
        {
            Lanes = SearchLanes.Identifier,
            IdentifierGroups = [Ids("E-204")],
            IdentifierFilter = new SearchFilter { DocumentIds = ["sop-q"] },
        };

        var result = await index.SearchAsync(query);

        Assert.Empty(Fused(result));
    }

    [SkippableFact]
    public async Task CheckEmbedding_SameAndOtherModel_MatchesThenNeedsReembedding()
    {
        var index = Create();
        await index.ReplaceDocumentAsync(PumpManual());
        await index.PublishAsync();
        var other = Track(Open(OtherModel));

        Assert.Equal(EmbeddingStatus.Matches, await index.CheckEmbeddingAsync());
        Assert.Equal(EmbeddingStatus.NeedsReembedding, await other.CheckEmbeddingAsync());
    }

    [SkippableFact]
    public async Task ListDocuments_AfterSync_SecondSyncPushesNothing()
    {
        var index = Create();
        var source = Path.Combine(Path.GetTempPath(), "icp-contract-" + Guid.NewGuid().ToString("N"));
        using (var catalog = new SqliteIndex(new IndexOptions { DataDirectory = source }))
        {
            using var writer = new EmbeddedSearchIndex(catalog, Model);
            await writer.ReplaceDocumentAsync(PumpManual());
            await writer.ReplaceDocumentAsync(QualitySop());

            var first = await SearchIndexSync.SyncAsync(catalog, index);
            var second = await SearchIndexSync.SyncAsync(catalog, index);

            Assert.Equal(2, first.Pushed);
            Assert.Equal((0, 2, 0), (second.Pushed, second.Unchanged, second.Removed));
            Assert.True(second.Published);
            Assert.Equal("pump#2", (await Lexical(index, "impeller nut torque"))[0]);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(source, recursive: true);
    }

    public void Dispose()
    {
        foreach (var index in _opened)
        {
            index.Dispose();
        }

        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops whatever the test created in the store.</summary>
    protected virtual void Cleanup()
    {
    }

    private static List<string> Ids(string code) => LexicalAnalyzer.Identifiers(code).Select(i => i.Term).ToList();

    private static IndexQuery Query(string text, SearchFilter filter, float[]? vector) => new()
    {
        Terms = LexicalAnalyzer.Terms(text),
        Grams = LexicalAnalyzer.Grams(text),
        Vector = vector,
        Filter = filter,
        K = 10,
    };

    private static List<string> Fused(IndexSearchResult result) => result.Fuse(lane => lane == SearchLane.Identifier ? 3 : 1, 60).Select(h => h.ChunkId).ToList();

    private static async Task<List<string>> Lexical(ISearchIndex index, string text, SearchFilter? filter = null) =>
        Fused(await index.SearchAsync(Query(text, filter ?? SearchFilter.None, null) with { Lanes = SearchLanes.Lexical }));

    private ISearchIndex Create() => Track(Open(Model));

    private ISearchIndex Track(ISearchIndex index)
    {
        _opened.Add(index);
        return index;
    }

    private async Task<ISearchIndex> Seeded()
    {
        var index = Create();
        foreach (var document in new[] { PumpManual(), QualitySop(), WorkInstruction("B"), WorkInstruction("C") })
        {
            await index.ReplaceDocumentAsync(document);
        }

        await index.PublishAsync();
        return index;
    }
}
