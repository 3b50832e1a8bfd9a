using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Documents;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Indexing;

/// <summary>
/// A search after a live change (upload, replacement, deletion while the server runs) ranks exactly as a search after a
/// restart over the same catalog, and a quote answer quotes the same: every lane's statistics, postings and caches
/// follow the change (embedded index; the Qdrant path is not covered here).
/// </summary>
public sealed class LiveUpdateTests : IDisposable
{
    private static readonly string[] Queries =
    [
        "Clamp pressure for die change on press PB-9", "press brake die change", "M12 螺栓的拧紧力矩是多少？",
        "What is the oil change interval of the AC-37 compressor?", "E-205 报警怎么处理？", "压力 bar",
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("icp-live-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private CorpusServer Server() => new() { Anonymous = false, DataDirectory = _data, KeepDataDirectory = true };

    // Rank, passage, fused score (to 1e-9) and each lane's rank, for every query: what "ranks the same" means.
    private static async Task<List<string>> Rankings(HttpClient client)
    {
        var rankings = new List<string>();
        foreach (var query in Queries)
        {
            var body = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/search", new { query, k = 8 })).Content.ReadAsStringAsync()).RootElement;
            foreach (var hit in body.EnumerateArray())
            {
                var lanes = string.Join(",", hit.GetProperty("laneRanks").EnumerateObject().OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}:{l.Value}"));
                rankings.Add($"{query} #{hit.GetProperty("rank")} {hit.GetProperty("chunkId")} {hit.GetProperty("score").GetDouble():F9} {lanes}");
            }

            // And what an answer quotes: the passages a prompt would be built from come from the same search.
            var answer = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/ask", new { question = query })).Content.ReadAsStringAsync()).RootElement;
            rankings.Add($"{query} answer {answer.GetProperty("outcome")} {string.Join(",", answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("chunkId").GetString()))} {answer.GetProperty("answer")}");
        }

        return rankings;
    }

    // WI-204 through the upload API, its clause as given; returns once its job is indexed.
    private static async Task Upload(CorpusServer server, HttpClient client, string clause)
    {
        var form = DocumentsApiTests.Form(("WI-204 press brake.md", $"# WI-204 Press brake\n\n## 4 Die change\n\n{clause}\n"), ("groups", "production"));
        var accepted = JsonDocument.Parse(await (await client.PostAsync("/api/documents", form)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("indexed", (await server.FinishedJobAsync(client, accepted.GetProperty("jobs")[0].GetProperty("id").GetString()!)).GetProperty("state").GetString());
    }

    private async Task<List<string>> AfterRestart(string key)
    {
        using var server = Server();
        using var client = await server.ReadyClientAsync(key);
        return await Rankings(client);
    }

    [Fact]
    public async Task Search_AfterLiveAddReplaceDelete_RanksAsAfterARestart()
    {
        string key;
        List<string> added, replaced, deleted;
        var afterRestart = new List<List<string>>();
        using (var server = Server())
        {
            key = server.AddKey("editor", ApiKeyRole.Editor, "production");
        }

        // Add.
        using (var server = Server())
        {
            using var client = await server.ReadyClientAsync(key);
            await Upload(server, client, "Clamp pressure for die change on press PB-9 is 210 bar.");
            added = await Rankings(client);
        }

        afterRestart.Add(await AfterRestart(key));

        // Replace, then delete, each live.
        using (var server = Server())
        {
            using var client = await server.ReadyClientAsync(key);
            await Upload(server, client, "Clamp pressure for die change on press PB-9 is 190 bar; check the die height first.");
            replaced = await Rankings(client);
        }

        afterRestart.Add(await AfterRestart(key));

        using (var server = Server())
        {
            using var client = await server.ReadyClientAsync(key);
            var documents = JsonDocument.Parse(await client.GetStringAsync("/api/documents")).RootElement;
            var id = documents.EnumerateArray().Single(d => d.GetProperty("title").GetString()!.Contains("WI-204", StringComparison.Ordinal)).GetProperty("id").GetString();
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/documents/{id}")).StatusCode);
            deleted = await Rankings(client);
        }

        afterRestart.Add(await AfterRestart(key));

        Assert.Equal(afterRestart[0], added);
        Assert.Equal(afterRestart[1], replaced);
        Assert.Equal(afterRestart[2], deleted);
        // The upload did take part: its passage was ranked while it existed, and is gone after the deletion.
        var uploaded = added.First(r => r.StartsWith(Queries[0] + " #1 ", StringComparison.Ordinal)).Split(' ')[^3];
        Assert.DoesNotContain(deleted, r => r.Contains(uploaded, StringComparison.Ordinal));
    }
}
