using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Qdrant.Collections;
using IndustryCopilot.Qdrant.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using Qdrant.Client.Grpc;

namespace IndustryCopilot.Server.Tests.Search;

/// <summary>
/// The server with <c>Index:Provider=qdrant</c> over a recording stand-in for Qdrant's gRPC API: the corpus reaches
/// Qdrant as points, a caller's access groups travel inside the Query request, and Qdrant's answer comes back as
/// passages from the catalog.
/// </summary>
public sealed class QdrantProviderTests
{
    private static readonly VectorModel MiniLm = new("all-MiniLM-L6-v2", 384);

    [Fact]
    public async Task Search_QdrantProvider_CorpusPushedAndTheKeysGroupsFilterTheQuery()
    {
        var qdrant = new FakeQdrant().AliasOn(CollectionNames.For(FakeQdrant.Alias, MiniLm));
        qdrant.Invoker.On("Collections/Get", _ => CollectionWithDense(384));
        // Qdrant "finds" the pushed point whose text holds E-203, as a sparse match on that code would.
        qdrant.Invoker.On("Points/Query", _ => new QueryResponse { Result = { qdrant.Invoker.Requests<UpsertPoints>("Points/Upsert").SelectMany(u => u.Points).Where(p => p.Payload["text"].StringValue.Contains("E-203", StringComparison.Ordinal)).Take(1).Select(p => new ScoredPoint { Id = p.Id, Score = 1, Payload = { ["chunk_id"] = p.Payload["chunk_id"] } }) } });
        using var server = new CorpusServer
        {
            Anonymous = false,
            Settings = new Dictionary<string, string> { ["Index:Provider"] = "qdrant", ["Qdrant:Collection"] = FakeQdrant.Alias },
            SearchIndex = qdrant.Open(MiniLm),
        };
        var key = server.AddKey("line3-hmi", Hosting.Security.ApiKeyRole.Reader, "production");
        using var client = await server.ReadyClientAsync(key);
        await PushedAsync(qdrant, documents: 6);

        var response = await client.PostAsJsonAsync("/api/search", new { query = "E-203 报警怎么处理？" });

        response.EnsureSuccessStatusCode();
        var hits = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("E-203", hits[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var query = qdrant.Invoker.Requests<QueryPoints>("Points/Query").First(q => q.Prefetch.Count > 0 || q.Using == "lexical");
        Assert.Equal(FakeQdrant.Alias, query.CollectionName);
        var filters = query.Prefetch.Count > 0 ? query.Prefetch.Select(p => p.Filter).ToList() : [query.Filter];
        Assert.All(filters, f =>
        {
            var groups = f.Must.Single(c => c.Field.Key == "groups").Field.Match;
            Assert.Contains("production", groups.HasKeyword ? [groups.Keyword] : groups.Keywords.Strings.ToList());
            Assert.DoesNotContain("quality", groups.HasKeyword ? [groups.Keyword] : groups.Keywords.Strings.ToList());
            Assert.Contains(f.Must, c => c.Field.Key == "status" && c.Field.Match.Keyword == "current");
        });
    }

    private static GetCollectionInfoResponse CollectionWithDense(ulong size)
    {
        var info = new CollectionInfo { Config = new CollectionConfig { Params = new CollectionParams { VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() } } } };
        info.Config.Params.VectorsConfig.ParamsMap.Map["dense"] = new VectorParams { Size = size, Distance = Distance.Cosine };
        return new GetCollectionInfoResponse { Result = info };
    }

    /// <summary>Waits until the sync worker has pushed points of every corpus document (it looks every 2 s).</summary>
    private static Task PushedAsync(FakeQdrant qdrant, int documents) =>
        Until.Signalled(
            () => qdrant.Invoker.Requests<UpsertPoints>("Points/Upsert").SelectMany(u => u.Points).Select(p => p.Payload["doc_id"].StringValue).Distinct().Count() >= documents,
            h => qdrant.Invoker.Called += h,
            h => qdrant.Invoker.Called -= h,
            $"points of {documents} documents pushed");
}
