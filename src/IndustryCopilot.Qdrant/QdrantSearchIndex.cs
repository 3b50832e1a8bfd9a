using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Qdrant.Collections;
using IndustryCopilot.Qdrant.Points;
using IndustryCopilot.Qdrant.Queries;
using Polly;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace IndustryCopilot.Qdrant;

/// <summary>
/// The scale-out search index: chunk points in a Qdrant collection per embedding model, read through an alias.
/// Writes go to the configured model's collection; searches read the alias. After a model change the new
/// collection fills while searches keep using the old one (dense lane off, since query and stored vectors would come
/// from different models); <see cref="PublishAsync"/> then swaps the alias in one request. Thread-safe.
/// </summary>
public sealed class QdrantSearchIndex : ISearchIndex
{
    private static readonly TimeSpan AliasCacheTime = TimeSpan.FromSeconds(10);
    private readonly QdrantClient _client;
    private readonly QdrantOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _ensure = new(1, 1);
    private volatile bool _ensured;
    private volatile AliasTarget? _alias;

    public QdrantSearchIndex(QdrantClient client, QdrantOptions options, VectorModel? model, TimeProvider? time = null)
    {
        options.Validate();
        _client = client;
        _options = options;
        _time = time ?? TimeProvider.System;
        _retry = QdrantResilience.Create(options, time);
        Model = model;
        WriteCollection = CollectionNames.For(options.Collection, model);
    }

    public string Provider => "qdrant";

    public VectorModel? Model { get; }

    /// <summary>The alias searches read (<see cref="QdrantOptions.Collection"/>).</summary>
    public string Alias => _options.Collection;

    /// <summary>The collection of <see cref="Model"/>, which writes go to.</summary>
    public string WriteCollection { get; }

    /// <summary>A client over the configured URL and API key.</summary>
    public static QdrantClient Connect(QdrantOptions options)
    {
        options.Validate();
        return new QdrantClient(new Uri(options.Url), options.ApiKey, TimeSpan.FromSeconds(options.TimeoutSeconds));
    }

    public async Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default)
    {
        var target = await AliasTargetAsync(cancellationToken, fresh: true);
        if (target is null)
        {
            return EmbeddingStatus.Empty;
        }

        if (target != WriteCollection)
        {
            return EmbeddingStatus.NeedsReembedding;
        }

        if (Model is null)
        {
            return EmbeddingStatus.Empty;
        }

        var withVectors = await Call(ct => _client.CountAsync(target, new Filter { Must = { HasVector(CollectionSchema.DenseVector) } }, exact: true, cancellationToken: ct), cancellationToken);
        return withVectors == 0 ? EmbeddingStatus.Empty : EmbeddingStatus.Matches;
    }

    /// <summary>
    /// Checks at start that Qdrant answers and that the collection behind the alias, if any, has dense vectors of the
    /// model's dimension; creates the model's collection (and the alias, when there is none) if missing.
    /// </summary>
    public async Task ValidateAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var info = await Call(ct => _client.GetCollectionInfoAsync(WriteCollection, ct), cancellationToken);
        var dense = info.Config?.Params?.VectorsConfig?.ParamsMap?.Map;
        if (Model is not null && (dense is null || !dense.TryGetValue(CollectionSchema.DenseVector, out var p) || p.Size != (ulong)Model.Dimension))
        {
            throw new InvalidOperationException($"Qdrant collection {WriteCollection} has no '{CollectionSchema.DenseVector}' vector of {Model.Dimension} dimensions (the embedding model's); drop it or use another Qdrant:Collection");
        }
    }

    public async Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var points = PointBuilder.Build(document, Model, _options);
        foreach (var batch in points.Chunk(_options.BatchSize))
        {
            await Call(ct => _client.UpsertAsync(WriteCollection, batch, wait: true, cancellationToken: ct), cancellationToken);
        }

        // Upsert first, then drop what the new version no longer has: a search in between sees the old or the new
        // points of a chunk, never neither.
        var stale = new Filter { Must = { MatchKeyword(PointFields.DocumentId, document.Document.Id) }, MustNot = { MatchKeyword(PointFields.Fingerprint, document.Fingerprint(Model)) } };
        await Call(ct => _client.DeleteAsync(WriteCollection, stale, wait: true, cancellationToken: ct), cancellationToken);
    }

    public async Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var filter = new Filter { Must = { MatchKeyword(PointFields.DocumentId, documentId) } };
        var count = await Call(ct => _client.CountAsync(WriteCollection, filter, exact: true, cancellationToken: ct), cancellationToken);
        if (count == 0)
        {
            return false;
        }

        await Call(ct => _client.DeleteAsync(WriteCollection, filter, wait: true, cancellationToken: ct), cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var states = new List<IndexedDocumentState>();
        var firstChunks = new Filter { Must = { Match(PointFields.Ordinal, 0) } };
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { PointFields.DocumentId, PointFields.Fingerprint } } };
        PointId? offset = null;
        do
        {
            var page = await Call(ct => _client.ScrollAsync(WriteCollection, firstChunks, 1000, offset, payload, cancellationToken: ct), cancellationToken);
            states.AddRange(page.Result.Select(p => new IndexedDocumentState(p.Payload[PointFields.DocumentId].StringValue, p.Payload[PointFields.Fingerprint].StringValue)));
            offset = page.NextPageOffset;
        }
        while (offset is not null);

        return states;
    }

    public async Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        var target = await AliasTargetAsync(cancellationToken);
        if (target is null || QueryBuilder.Build(query, denseAvailable: target == WriteCollection && Model is not null) is not { } planned)
        {
            return IndexSearchResult.Empty;
        }

        var r = planned.Request;
        var points = await Call(ct => _client.QueryAsync(Alias, r.Query, r.Prefetch, r.Using, r.Filter, limit: r.Limit, payloadSelector: r.WithPayload, cancellationToken: ct), cancellationToken);
        var hits = points.Select(p => new IndexHit(p.Payload[PointFields.ChunkId].StringValue, p.Score)).ToList();
        return new IndexSearchResult(new Dictionary<SearchLane, IReadOnlyList<IndexHit>> { [planned.Lane] = hits });
    }

    public async Task PublishAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var previous = await AliasTargetAsync(cancellationToken, fresh: true);
        if (previous == WriteCollection)
        {
            return;
        }

        // Delete and create in one request: Qdrant applies alias changes atomically, so no search sees no alias.
        var operations = new List<AliasOperations>();
        if (previous is not null)
        {
            operations.Add(new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = Alias } });
        }

        operations.Add(new AliasOperations { CreateAlias = new CreateAlias { AliasName = Alias, CollectionName = WriteCollection } });
        await Call(ct => _client.UpdateAliasesAsync(operations, cancellationToken: ct), cancellationToken);
        _alias = new AliasTarget(WriteCollection, _time.GetUtcNow());
        if (previous is not null && !_options.KeepPreviousCollection)
        {
            await Call(ct => _client.DeleteCollectionAsync(previous, cancellationToken: ct), cancellationToken);
        }
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.HealthAsync(cancellationToken);
            return await AliasTargetAsync(cancellationToken, fresh: true) is null ? $"Qdrant alias {Alias} does not exist yet (nothing indexed)" : null;
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or HttpRequestException)
        {
            return $"Qdrant at {_options.Url} does not answer: {Describe(e)}";
        }
    }

    /// <summary>A failed call in one line: the gRPC status and detail, and the socket error under it if any.</summary>
    public static string Describe(Exception error) => error is Grpc.Core.RpcException rpc
        ? $"{rpc.StatusCode}: {rpc.Status.Detail}{(rpc.Status.DebugException is { } inner ? " (" + inner.Message + ")" : "")}"
        : error.Message;

    public void Dispose()
    {
        _ensure.Dispose();
        _client.Dispose();
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ensured)
        {
            return;
        }

        await _ensure.WaitAsync(cancellationToken);
        try
        {
            if (_ensured)
            {
                return;
            }

            if (!await Call(ct => _client.CollectionExistsAsync(WriteCollection, ct), cancellationToken))
            {
                await Call(ct => _client.CreateCollectionAsync(CollectionSchema.Create(WriteCollection, Model, _options), ct), cancellationToken);
            }

            // Missing indexes are created whatever the collection's age, so a start cut short after creating the
            // collection still ends with every filtered field indexed.
            var info = await Call(ct => _client.GetCollectionInfoAsync(WriteCollection, ct), cancellationToken);
            foreach (var (field, type) in CollectionSchema.IndexedFields.Where(f => !info.PayloadSchema.ContainsKey(f.Field)))
            {
                await Call(ct => _client.CreatePayloadIndexAsync(WriteCollection, field, type, wait: true, cancellationToken: ct), cancellationToken);
            }

            if (await AliasTargetAsync(cancellationToken, fresh: true) is null)
            {
                await Call(ct => _client.CreateAliasAsync(Alias, WriteCollection, cancellationToken: ct), cancellationToken);
                _alias = new AliasTarget(WriteCollection, _time.GetUtcNow());
            }

            _ensured = true;
        }
        finally
        {
            _ensure.Release();
        }
    }

    /// <summary>The collection the alias points to, or null; cached for a few seconds, as every search needs it.</summary>
    private async Task<string?> AliasTargetAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        if (!fresh && _alias is { } cached && _time.GetUtcNow() - cached.At < AliasCacheTime)
        {
            return cached.Collection;
        }

        var aliases = await Call(ct => _client.ListAliasesAsync(ct), cancellationToken);
        var target = aliases.FirstOrDefault(a => a.AliasName == Alias)?.CollectionName;
        _alias = new AliasTarget(target, _time.GetUtcNow());
        return target;
    }

    private async Task Call(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async ct => await call(ct), cancellationToken);

    private async Task<T> Call<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async ct => await call(ct), cancellationToken);
}
