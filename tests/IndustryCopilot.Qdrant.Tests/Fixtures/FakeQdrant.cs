using IndustryCopilot.Core.Index.Search;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace IndustryCopilot.Qdrant.Tests.Fixtures;

/// <summary>A <see cref="QdrantSearchIndex"/> over a <see cref="RecordingCallInvoker"/>, with Qdrant's answers set per test.</summary>
internal sealed class FakeQdrant
{
    public const string Alias = "plant_chunks";

    public RecordingCallInvoker Invoker { get; } = new RecordingCallInvoker()
        .On("Collections/Create", _ => new CollectionOperationResponse { Result = true })
        .On("Collections/UpdateAliases", _ => new CollectionOperationResponse { Result = true })
        .On("Collections/Delete", _ => new CollectionOperationResponse { Result = true })
        .On("Collections/Get", _ => new GetCollectionInfoResponse { Result = new CollectionInfo() });

    public QdrantOptions Options { get; } = new() { Collection = Alias, BatchSize = 3, MaxRetries = 2, RetryDelayMilliseconds = 1 };

    public QdrantSearchIndex Open(VectorModel? model) => new(new QdrantClient(new QdrantGrpcClient(Invoker)), Options, model);

    /// <summary>Qdrant has no collection and no alias yet.</summary>
    public FakeQdrant Empty()
    {
        Invoker.On("Collections/CollectionExists", _ => new CollectionExistsResponse { Result = new CollectionExists { Exists = false } });
        Invoker.On("Collections/ListAliases", _ => new ListAliasesResponse());
        return this;
    }

    /// <summary>The alias points at <paramref name="collection"/>, which exists.</summary>
    public FakeQdrant AliasOn(string collection)
    {
        Invoker.On("Collections/CollectionExists", _ => new CollectionExistsResponse { Result = new CollectionExists { Exists = true } });
        Invoker.On("Collections/ListAliases", _ => new ListAliasesResponse { Aliases = { new AliasDescription { AliasName = Alias, CollectionName = collection } } });
        return this;
    }
}
