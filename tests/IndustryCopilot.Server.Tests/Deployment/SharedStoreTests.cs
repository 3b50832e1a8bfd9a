using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.Deployment;

/// <summary>
/// Two servers (each with its own data directory and embedded index, as two replicas would be) on one real PostgreSQL
/// database (<c>Store:Provider=Postgres</c>): keys and the audit are the group's, not each server's.
/// </summary>
public sealed class SharedStoreTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    [SkippableFact]
    public async Task Keys_MadeOnOneReplicaRevokedOnTheOther_InForceAtOnceThenRefusedAtOnce()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        using var a = Replica(database);
        using var b = Replica(database);
        var it = (await a.Services.GetRequiredService<IApiKeyStore>().AddAsync("plant-it", ApiKeyRole.Admin, [], allGroups: true)).Key;
        using var adminOnA = await a.ReadyClientAsync(it);
        using var adminOnB = await b.ReadyClientAsync(it);

        var made = await adminOnA.PostAsJsonAsync("/api/admin/keys", new { name = "mes-line3", role = "reader", groups = new[] { "production" } });
        var key = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        using var mesOnA = a.CreateClient();
        using var mesOnB = b.CreateClient();
        mesOnA.DefaultRequestHeaders.Add("X-Api-Key", key);
        mesOnB.DefaultRequestHeaders.Add("X-Api-Key", key);
        var usedOnB = await mesOnB.PostAsJsonAsync("/api/search", new { query = "M12 拧紧力矩" });
        var revokedOnB = await adminOnB.DeleteAsync("/api/admin/keys/mes-line3");
        var usedOnA = await mesOnA.PostAsJsonAsync("/api/search", new { query = "M12 拧紧力矩" });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(HttpStatusCode.OK, usedOnB.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revokedOnB.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, usedOnA.StatusCode);
    }

    [SkippableFact]
    public async Task Audit_AnswersOnBothReplicas_OneQueryOnEitherReadsBoth()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        using var a = Replica(database);
        using var b = Replica(database);
        var it = (await a.Services.GetRequiredService<IApiKeyStore>().AddAsync("plant-it", ApiKeyRole.Admin, [], allGroups: true)).Key;
        using var onA = await a.ReadyClientAsync(it);
        using var onB = await b.ReadyClientAsync(it);

        var askedOnA = JsonDocument.Parse(await (await onA.PostAsJsonAsync("/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" })).Content.ReadAsStringAsync()).RootElement;
        var askedOnB = JsonDocument.Parse(await (await onB.PostAsJsonAsync("/api/ask", new { question = "What is the oil change interval of the AC-37 compressor?" })).Content.ReadAsStringAsync()).RootElement;
        var rated = await onA.PostAsJsonAsync("/api/feedback", new { answerId = askedOnB.GetProperty("answerId").GetString(), rating = "up" });
        var audit = JsonDocument.Parse(await onA.GetStringAsync("/api/audit")).RootElement;

        Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        Assert.Equal(
            [askedOnB.GetProperty("answerId").GetString(), askedOnA.GetProperty("answerId").GetString()],
            audit.EnumerateArray().Select(r => r.GetProperty("entry").GetProperty("id").GetString()));
        Assert.Equal(1, audit[0].GetProperty("feedback").GetProperty("rating").GetInt32());
        Assert.Equal(audit.GetRawText(), JsonDocument.Parse(await onB.GetStringAsync("/api/audit")).RootElement.GetRawText());
    }

    [SkippableFact]
    public async Task Conversation_BegunOnOneReplica_FollowUpOnTheOtherHasItsHistory()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        // B's model rewrites the follow-up: what it is given as history shows what B knew of the conversation.
        var model = new Hosting.Tests.Fixtures.ScriptedChatClient(messages => messages[^1].Text.Contains("追问", StringComparison.Ordinal) ? "M16 螺栓的拧紧力矩是多少？" : "M16 的拧紧力矩为 200 N·m。[1]");
        using var a = Replica(database);
        using var b = new CorpusServer
        {
            Anonymous = false,
            Settings = new Dictionary<string, string> { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = database },
            Model = Hosting.Llm.ChatBackends.FromChatClient(model, Core.Answering.Generation.ApproximateTokenCounter.Instance, 8192, "scripted"),
        };
        var key = (await a.Services.GetRequiredService<IApiKeyStore>().AddAsync("li.wei", ApiKeyRole.Reader, [])).Key;
        using var onA = await a.ReadyClientAsync(key);
        using var onB = await b.ReadyClientAsync(key);

        await onA.PostAsJsonAsync("/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？", conversationId = "c1" });
        var followUp = await onB.PostAsJsonAsync("/api/ask", new { question = "M16 呢？", conversationId = "c1" });
        var kept = JsonDocument.Parse(await onA.GetStringAsync("/api/conversations/c1")).RootElement;

        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Contains("M12 螺栓的拧紧力矩是多少？", model.Calls.First().Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["M12 螺栓的拧紧力矩是多少？", "M16 呢？"], kept.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task Store_DatabaseUnreachable_KeyedRequest503WithRetryAfter()
    {
        // Nothing listens on port 1: every store call fails as it would with the database down.
        // Not waited ready: with the database down a replica cannot learn whether it is the indexer, so it never is.
        using var server = Replica("Host=127.0.0.1;Port=1;Username=copilot;Database=copilot;Timeout=2");
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "icp_" + new string('0', 64));

        var response = await client.PostAsJsonAsync("/api/search", new { query = "M12" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("store unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static CorpusServer Replica(string database) => new()
    {
        Anonymous = false,
        Settings = new Dictionary<string, string> { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = database },
    };
}
