using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Index.Search;

public sealed class SearchIndexSyncTests : IDisposable
{
    private static readonly VectorModel Model = new("test-model", 4);
    private readonly TempDirectory _data = new();
    private readonly SqliteIndex _catalog;

    public SearchIndexSyncTests() => _catalog = new SqliteIndex(new IndexOptions { DataDirectory = _data.Path });

    [Fact]
    public async Task Sync_ChangedDocument_OnlyItIsPushedAgain()
    {
        Add("a", "v1", embed: true);
        Add("b", "v1", embed: true);
        var target = new MemorySearchIndex(Model);
        await SearchIndexSync.SyncAsync(_catalog, target);

        Add("b", "v2", embed: true);
        var report = await SearchIndexSync.SyncAsync(_catalog, target);

        Assert.Equal((1, 1, 0), (report.Pushed, report.Unchanged, report.Removed));
        Assert.Equal(IndexDocuments.FromCatalog(_catalog, _catalog.GetDocument("b")!, Model).Fingerprint(Model), target.Held["b"].Fingerprint);
    }

    [Fact]
    public async Task Sync_DocumentGoneFromCatalog_RemovedFromTheIndex()
    {
        Add("a", "v1", embed: true);
        Add("b", "v1", embed: true);
        var target = new MemorySearchIndex(Model);
        await SearchIndexSync.SyncAsync(_catalog, target);

        _catalog.RemoveDocument("a");
        var report = await SearchIndexSync.SyncAsync(_catalog, target);

        Assert.Equal(1, report.Removed);
        Assert.Equal(["b"], target.Held.Keys);
    }

    [Fact]
    public async Task Sync_DocumentNotYetEmbedded_PushedWithoutVectorsAndNotPublishedUntilItIs()
    {
        Add("a", "v1", embed: true);
        Add("b", "v1", embed: false);
        var target = new MemorySearchIndex(Model);

        var first = await SearchIndexSync.SyncAsync(_catalog, target);
        var vectorsBefore = target.Held["b"].Vectors;
        Embed("b");
        var second = await SearchIndexSync.SyncAsync(_catalog, target);

        Assert.Equal((2, 1, false, 0), (first.Pushed, first.AwaitingVectors, first.Published, vectorsBefore));
        Assert.Equal((1, 0, true), (second.Pushed, second.AwaitingVectors, second.Published));
        Assert.Equal(2, target.Held["b"].Vectors);
        Assert.Equal(1, target.Publishes);
    }

    [Fact]
    public async Task Sync_OneDocumentFailsToPush_OthersPushedNothingPublishedNextRunFinishes()
    {
        Add("a", "v1", embed: true);
        Add("b", "v1", embed: true);
        var target = new MemorySearchIndex(Model);
        target.FailFor.Add("a");

        var failed = await SearchIndexSync.SyncAsync(_catalog, target);
        target.FailFor.Clear();
        var retried = await SearchIndexSync.SyncAsync(_catalog, target);

        Assert.Equal("a", Assert.Single(failed.Failed).DocumentId);
        Assert.Contains("connection reset", failed.Failed[0].Error, StringComparison.Ordinal);
        Assert.False(failed.Published);
        Assert.Equal((1, 1, true), (retried.Pushed, retried.Unchanged, retried.Published));
    }

    [Fact]
    public async Task Sync_AccessGroupsChanged_DocumentPushedAgain()
    {
        Add("a", "v1", embed: true);
        var target = new MemorySearchIndex(Model);
        await SearchIndexSync.SyncAsync(_catalog, target);
        var before = target.Held["a"].Fingerprint;

        Add("a", "v1", embed: true, groups: ["quality"]);
        await SearchIndexSync.SyncAsync(_catalog, target);

        Assert.NotEqual(before, target.Held["a"].Fingerprint);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _data.Dispose();
    }

    private void Add(string id, string version, bool embed, string[]? groups = null)
    {
        var document = new DocumentInfo { Id = id, SourcePath = "/plant/" + id, ContentHash = id + version, Format = "markdown", SizeBytes = 1, Title = "Doc " + id, Language = DocumentLanguage.En, AccessGroups = groups ?? ["public"] };
        var chunks = Enumerable.Range(0, 2).Select(i => new Chunk { DocumentId = id, Ordinal = i, SectionPath = "1", Text = $"{id} {version} text {i}", Hash = $"{id}{version}{i}" }).ToList();
        _catalog.ReplaceDocument(document, chunks, pipelineVersion: 5);
        if (embed)
        {
            Embed(id);
        }
    }

    private void Embed(string id) =>
        _catalog.StoreVectors(Model.Id, Model.Dimension, _catalog.GetChunks(id).Select(c => (c.Id, new[] { 1f, 0, 0, 0 })).ToList(), id);
}
