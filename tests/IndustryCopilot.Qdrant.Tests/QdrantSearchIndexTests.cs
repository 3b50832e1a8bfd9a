using Grpc.Core;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Qdrant.Collections;
using IndustryCopilot.Qdrant.Tests.Fixtures;
using Qdrant.Client.Grpc;
using static IndustryCopilot.IndexContract.Tests.ContractDocuments;

namespace IndustryCopilot.Qdrant.Tests;

public sealed class QdrantSearchIndexTests
{
    private static readonly string ModelCollection = CollectionNames.For(FakeQdrant.Alias, Model);

    [Fact]
    public async Task ReplaceDocument_NoCollectionYet_CreatesSchemaAliasThenUpsertsInBatchesAndDropsStalePoints()
    {
        var qdrant = new FakeQdrant().Empty();
        using var index = qdrant.Open(Model);
        var pump = PumpManual();

        await index.ReplaceDocumentAsync(pump);

        var create = Assert.Single(qdrant.Invoker.Requests<CreateCollection>("Collections/Create"));
        Assert.Equal(ModelCollection, create.CollectionName);
        Assert.Equal(Modifier.Idf, create.SparseVectorsConfig.Map[CollectionSchema.SparseVector].Modifier);
        Assert.Equal((8ul, Distance.Cosine), (create.VectorsConfig.ParamsMap.Map[CollectionSchema.DenseVector].Size, create.VectorsConfig.ParamsMap.Map[CollectionSchema.DenseVector].Distance));
        var indexed = qdrant.Invoker.Requests<CreateFieldIndexCollection>("Points/CreateFieldIndex").ToList();
        Assert.Equal(["doc_id", "status", "doc_type", "language", "equipment", "line", "groups", "ids", "ordinal"], indexed.Select(i => i.FieldName));
        Assert.Equal(FieldType.Integer, indexed[^1].FieldType);
        var alias = Assert.Single(qdrant.Invoker.Requests<ChangeAliases>("Collections/UpdateAliases")).Actions.Single().CreateAlias;
        Assert.Equal((FakeQdrant.Alias, ModelCollection), (alias.AliasName, alias.CollectionName));

        var upserts = qdrant.Invoker.Requests<UpsertPoints>("Points/Upsert").ToList();
        Assert.Equal([3, 1], upserts.Select(u => u.Points.Count));
        Assert.All(upserts, u => Assert.True(u.Wait));
        Assert.All(upserts, u => Assert.Equal(ModelCollection, u.CollectionName));
        var delete = Assert.Single(qdrant.Invoker.Requests<DeletePoints>("Points/Delete"));
        Assert.Equal("pump", delete.Points.Filter.Must.Single().Field.Match.Keyword);
        Assert.Equal(pump.Fingerprint(Model), delete.Points.Filter.MustNot.Single().Field.Match.Keyword);
        Assert.True(qdrant.Invoker.Methods.ToList().LastIndexOf("Points/Upsert") < qdrant.Invoker.Methods.ToList().IndexOf("Points/Delete"));
    }

    [Fact]
    public async Task ReplaceDocument_CollectionWithSomeIndexes_OnlyTheMissingOnesCreated()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        qdrant.Invoker.On("Collections/Get", _ => new GetCollectionInfoResponse
        {
            Result = new CollectionInfo { PayloadSchema = { ["doc_id"] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword }, ["groups"] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword } } },
        });
        using var index = qdrant.Open(Model);

        await index.ReplaceDocumentAsync(QualitySop());

        Assert.Empty(qdrant.Invoker.Requests<CreateCollection>("Collections/Create"));
        Assert.Equal(["status", "doc_type", "language", "equipment", "line", "ids", "ordinal"], qdrant.Invoker.Requests<CreateFieldIndexCollection>("Points/CreateFieldIndex").Select(i => i.FieldName));
    }

    [Fact]
    public async Task Search_AllLanes_OneQueryOnTheAliasWithThreePrefetchesAndWeightedRrf()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        qdrant.Invoker.On("Points/Query", _ => new QueryResponse { Result = { Scored("pump#2", 0.9f), Scored("pump#0", 0.5f) } });
        using var index = qdrant.Open(Model);

        var result = await index.SearchAsync(new IndexQuery
        {
            Terms = ["impeller", "torque"],
            Vector = Near(2),
            IdentifierGroups = [["e-203"]],
            Filter = new SearchFilter { AccessGroups = ["quality", "public"] },
            K = 20,
        });

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>("Points/Query"));
        Assert.Equal(FakeQdrant.Alias, query.CollectionName);
        Assert.Equal(["lexical", "dense", "lexical"], query.Prefetch.Select(p => p.Using));
        Assert.All(query.Prefetch, p => Assert.Equal(20ul, p.Limit));
        Assert.Equal(61u, query.Query.Rrf.K);
        Assert.Equal([1f, 1f, 3f], query.Query.Rrf.Weights);
        Assert.All(query.Prefetch, p => Assert.Contains(p.Filter.Must, c => c.Field.Key == "groups" && c.Field.Match.Keywords.Strings.SequenceEqual(["quality", "public"])));
        Assert.Contains(query.Prefetch[2].Filter.Must, c => c.Field.Key == "ids" && c.Field.Match.Keyword == "e-203");
        Assert.Equal(["pump#2", "pump#0"], result.Lanes[SearchLane.Fused].Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Search_AliasStillOnPreviousModel_DenseLaneLeftOut()
    {
        var qdrant = new FakeQdrant().AliasOn(CollectionNames.For(FakeQdrant.Alias, OtherModel));
        using var index = qdrant.Open(Model);

        await index.SearchAsync(new IndexQuery { Terms = ["torque"], Vector = Near(2), K = 5 });

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>("Points/Query"));
        Assert.Equal("lexical", query.Using);
        Assert.Empty(query.Prefetch);
    }

    [Fact]
    public async Task Search_CallerWithNoGroups_NothingSent()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        using var index = qdrant.Open(Model);

        var result = await index.SearchAsync(new IndexQuery { Terms = ["torque"], Filter = new SearchFilter { AccessGroups = [] } });

        Assert.Empty(result.Lanes);
        Assert.Empty(qdrant.Invoker.Requests<QueryPoints>("Points/Query"));
    }

    [Fact]
    public async Task Publish_AliasOnPreviousModel_MovesAliasInOneRequestThenDropsOldCollection()
    {
        var old = CollectionNames.For(FakeQdrant.Alias, OtherModel);
        var qdrant = new FakeQdrant().AliasOn(old);
        using var index = qdrant.Open(Model);

        await index.PublishAsync();

        var change = Assert.Single(qdrant.Invoker.Requests<ChangeAliases>("Collections/UpdateAliases"));
        Assert.Equal(FakeQdrant.Alias, change.Actions[0].DeleteAlias.AliasName);
        Assert.Equal((FakeQdrant.Alias, ModelCollection), (change.Actions[1].CreateAlias.AliasName, change.Actions[1].CreateAlias.CollectionName));
        Assert.Equal(old, Assert.Single(qdrant.Invoker.Requests<DeleteCollection>("Collections/Delete")).CollectionName);
    }

    [Fact]
    public async Task Publish_AliasAlreadyOnModelCollection_NoAliasChange()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        using var index = qdrant.Open(Model);

        await index.PublishAsync();

        Assert.Empty(qdrant.Invoker.Requests<ChangeAliases>("Collections/UpdateAliases"));
    }

    [Fact]
    public async Task CheckEmbedding_ByAliasTarget_EmptyMatchesOrNeedsReembedding()
    {
        var none = new FakeQdrant().Empty();
        var same = new FakeQdrant().AliasOn(ModelCollection);
        same.Invoker.On("Points/Count", _ => new CountResponse { Result = new CountResult { Count = 4 } });
        var other = new FakeQdrant().AliasOn(CollectionNames.For(FakeQdrant.Alias, OtherModel));
        using var a = none.Open(Model);
        using var b = same.Open(Model);
        using var c = other.Open(Model);

        Assert.Equal(EmbeddingStatus.Empty, await a.CheckEmbeddingAsync());
        Assert.Equal(EmbeddingStatus.Matches, await b.CheckEmbeddingAsync());
        Assert.Equal(EmbeddingStatus.NeedsReembedding, await c.CheckEmbeddingAsync());
        Assert.Equal("dense", Assert.Single(same.Invoker.Requests<CountPoints>("Points/Count")).Filter.Must.Single().HasVector.HasVector);
    }

    [Fact]
    public async Task ReplaceDocument_TransientFailures_RetriedUntilItGoesThrough()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        var attempts = 0;
        qdrant.Invoker.On("Points/Upsert", _ => ++attempts <= 2 ? throw new RpcException(new Status(StatusCode.Unavailable, "node restarting")) : new PointsOperationResponse());
        using var index = qdrant.Open(Model);

        await index.ReplaceDocumentAsync(QualitySop());

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task ReplaceDocument_BadRequest_FailsAtOnce()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        qdrant.Invoker.On("Points/Upsert", _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "wrong vector size")));
        using var index = qdrant.Open(Model);

        var error = await Assert.ThrowsAsync<RpcException>(() => index.ReplaceDocumentAsync(QualitySop()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Single(qdrant.Invoker.Requests<UpsertPoints>("Points/Upsert"));
    }

    [Fact]
    public async Task ListDocuments_TwoPages_FirstChunksOfEveryDocument()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        qdrant.Invoker.On("Points/Scroll", request => ((ScrollPoints)request).Offset is null
            ? new ScrollResponse { Result = { Retrieved("pump", "f1") }, NextPageOffset = Guid.NewGuid() }
            : new ScrollResponse { Result = { Retrieved("sop-q", "f2") } });
        using var index = qdrant.Open(Model);

        var states = await index.ListDocumentsAsync();

        Assert.Equal([new IndexedDocumentState("pump", "f1"), new IndexedDocumentState("sop-q", "f2")], states);
        var scrolls = qdrant.Invoker.Requests<ScrollPoints>("Points/Scroll").ToList();
        Assert.Equal(2, scrolls.Count);
        Assert.All(scrolls, s => Assert.Equal(("ordinal", 0L), (s.Filter.Must.Single().Field.Key, s.Filter.Must.Single().Field.Match.Integer)));
    }

    [Fact]
    public async Task Validate_CollectionWithOtherVectorSize_Refused()
    {
        var qdrant = new FakeQdrant().AliasOn(ModelCollection);
        qdrant.Invoker.On("Collections/Get", _ =>
        {
            var info = new CollectionInfo { Config = new CollectionConfig { Params = new CollectionParams { VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() } } } };
            info.Config.Params.VectorsConfig.ParamsMap.Map["dense"] = new VectorParams { Size = 384, Distance = Distance.Cosine };
            return new GetCollectionInfoResponse { Result = info };
        });
        using var index = qdrant.Open(Model);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.ValidateAsync());

        Assert.Contains("8 dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_DownNoAliasOrFine_ReasonOrNull()
    {
        var down = new FakeQdrant().AliasOn(ModelCollection);
        down.Invoker.On("Qdrant/HealthCheck", _ => throw new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel.")));
        var fresh = new FakeQdrant().Empty();
        var fine = new FakeQdrant().AliasOn(ModelCollection);
        using var a = down.Open(Model);
        using var b = fresh.Open(Model);
        using var c = fine.Open(Model);

        Assert.Equal("Qdrant at http://localhost:6334 does not answer: Unavailable: Error connecting to subchannel.", await a.CheckHealthAsync());
        Assert.Contains("alias plant_chunks does not exist", await b.CheckHealthAsync(), StringComparison.Ordinal);
        Assert.Null(await c.CheckHealthAsync());
    }

    private static ScoredPoint Scored(string chunkId, float score) =>
        new() { Id = PointsBuilderId(chunkId), Score = score, Payload = { ["chunk_id"] = chunkId } };

    private static RetrievedPoint Retrieved(string documentId, string fingerprint) =>
        new() { Id = PointsBuilderId(documentId + "#0"), Payload = { ["doc_id"] = documentId, ["fingerprint"] = fingerprint } };

    private static PointId PointsBuilderId(string chunkId) => IndustryCopilot.Qdrant.Points.PointBuilder.PointId(chunkId);
}
