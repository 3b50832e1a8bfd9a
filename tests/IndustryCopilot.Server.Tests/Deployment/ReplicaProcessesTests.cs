using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Deployment;

/// <summary>
/// Two real server processes (each its own data directory and embedded index) on one real PostgreSQL database, over
/// HTTP: what a load balancer in front of a plant group's replicas relies on.
/// </summary>
public sealed class ReplicaProcessesTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    [SkippableFact]
    public async Task TwoProcesses_KeyMadeOnARevokedOnB_AuditOfBothInOneQuery()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var database = await postgres.Server.NewDatabaseAsync();
        string admin;
        await using (var store = new PostgresStore(database))
        {
            // Made as `icp keys add --all-groups` would with the group's store settings.
            using var keys = new PostgresApiKeyStore(store);
            admin = (await keys.AddAsync("plant-it", ApiKeyRole.Admin, [], allGroups: true)).Key;
        }

        var environment = new Dictionary<string, string?> { ["ICP_Store__Provider"] = "Postgres", ["ICP_Store__ConnectionString"] = database };
        var dataA = Directory.CreateTempSubdirectory("icp-replica-a-").FullName;
        var dataB = Directory.CreateTempSubdirectory("icp-replica-b-").FullName;
        try
        {
            await using var a = await ServerProcess.StartAsync(dataA, environment);
            await using var b = await ServerProcess.StartAsync(dataB, environment);

            var made = await Send(a, HttpMethod.Post, "/api/admin/keys", admin, new { name = "mes-line3", role = "reader" });
            var key = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
            var askedOnA = await Send(a, HttpMethod.Post, "/api/ask", key, new { question = "M12 螺栓的拧紧力矩是多少？" });
            var askedOnB = await Send(b, HttpMethod.Post, "/api/ask", key, new { question = "E-203 报警怎么处理？" });
            var revokedOnB = await Send(b, HttpMethod.Delete, "/api/admin/keys/mes-line3", admin, null);
            var afterOnA = await Send(a, HttpMethod.Post, "/api/ask", key, new { question = "M12 螺栓的拧紧力矩是多少？" });
            var audit = JsonDocument.Parse(await (await Send(a, HttpMethod.Get, "/api/audit?key=mes-line3", admin, null)).Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            Assert.Equal(HttpStatusCode.OK, askedOnB.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, revokedOnB.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, afterOnA.StatusCode);
            Assert.Equal(
                [await IdAsync(askedOnB), await IdAsync(askedOnA)],
                audit.EnumerateArray().Select(r => r.GetProperty("entry").GetProperty("id").GetString()));
        }
        finally
        {
            Directory.Delete(dataA, recursive: true);
            Directory.Delete(dataB, recursive: true);
        }
    }

    private static async Task<string> IdAsync(HttpResponseMessage answered) =>
        JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement.GetProperty("answerId").GetString()!;

    private static async Task<HttpResponseMessage> Send(ServerProcess server, HttpMethod method, string path, string key, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        var response = await server.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
