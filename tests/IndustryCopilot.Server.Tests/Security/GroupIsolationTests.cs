using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Documents;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Security;

/// <summary>
/// What an editor or admin of one group does around retrieval — upload with any metadata, delete, mint keys, read
/// jobs, rate answers — never reaches, hides or names another group's documents.
/// </summary>
public sealed class GroupIsolationTests : IDisposable
{
    private const string Secret = "QX-778";
    private const string Question = "What weld seam porosity is acceptable?";
    private readonly string _corpus = Directory.CreateTempSubdirectory("icp-isolation-corpus-").FullName;

    public GroupIsolationTests()
    {
        File.WriteAllText(Path.Combine(_corpus, "QC-017_weld-inspection.md"), $"# QC-017 Weld inspection standard\n\n## 3 Acceptance\n\nWeld seam porosity class {Secret} is acceptable up to 2 pores per 100 mm of seam.\n");
        File.WriteAllText(Path.Combine(_corpus, "QC-017_weld-inspection.md.meta.json"), """{"accessGroups":["quality"],"documentNumber":"QC-017","revision":"C","effectiveDate":"2025-03-01"}""");
        File.WriteAllText(Path.Combine(_corpus, "PM-001_pump.md"), "# PM-001 Pump maintenance\n\n## 1 Oil\n\nChange the pump oil every 2,000 operating hours.\n");
    }

    [Theory]
    [InlineData("2030-01-01")] // "newer": would retire the quality document
    [InlineData("1990-01-01")] // "older": would come back superseded, naming the quality document's id
    public async Task Upload_OtherGroupsDocumentNumber_NeitherSupersedesNorNamesIt(string date)
    {
        using var server = new CorpusServer { Anonymous = false, Corpus = _corpus };
        using var production = await server.ReadyClientAsync(server.AddKey("prod-editor", ApiKeyRole.Editor, "production"));
        using var quality = await server.ReadyClientAsync(server.AddKey("qc-reader", ApiKeyRole.Reader, "quality"));
        var qualityId = Single(await quality.GetStringAsync("/api/documents"), "QC-017").GetProperty("id").GetString()!;

        var upload = await Upload(server, production, ("qc-017.md", "# QC-017 Weld inspection\n\n## 3 Acceptance\n\nAny porosity is acceptable.\n"), ("groups", "production"), ("documentNumber", "QC-017"), ("effectiveDate", date));
        var uploaded = JsonDocument.Parse(await production.GetStringAsync($"/api/documents/{upload.GetProperty("documentId").GetString()}")).RootElement.GetProperty("document");

        Assert.Equal("current", uploaded.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, uploaded.GetProperty("supersededBy").ValueKind);
        Assert.DoesNotContain(qualityId, await production.GetStringAsync("/api/documents"), StringComparison.Ordinal);
        Assert.DoesNotContain(qualityId, upload.ToString(), StringComparison.Ordinal);
        var original = Single(await quality.GetStringAsync("/api/documents"), "QC-017");
        Assert.Equal("current", original.GetProperty("status").GetString());
        Assert.Contains("2 pores per 100 mm", await (await quality.PostAsJsonAsync("/api/ask", new { question = Question })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminKeys_ScopedToOwnGroups_AllGroupsOnlyFromTheServersCli()
    {
        using var server = new CorpusServer { Anonymous = false, Corpus = _corpus };
        using var admin = await server.ReadyClientAsync(server.AddKey("prod-admin", ApiKeyRole.Admin, "production"));
        var qualityKey = server.AddKey("qc-reader", ApiKeyRole.Reader, "quality");
        using var quality = await server.ReadyClientAsync(qualityKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "x1", groups = new[] { "quality" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "x2", groups = new[] { "production", "quality" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "x3", groups = new[] { "*" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "x4", groups = new[] { "prod%" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "line3", role = "admin", groups = new[] { "production" } })).StatusCode);

        var listed = await admin.GetStringAsync("/api/admin/keys");
        Assert.Contains("line3", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("qc-reader", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/keys/qc-reader")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quality.GetAsync("/api/documents")).StatusCode);

        // The plant's IT admin, made on the server itself, reaches every group.
        var plantKey = LocalKeys.Add(server.DataDirectory, "plant-it", ApiKeyRole.Admin, [], allGroups: true).Key;

        using var plant = await server.ReadyClientAsync(plantKey);
        Assert.Equal(HttpStatusCode.Created, (await plant.PostAsJsonAsync("/api/admin/keys", new { name = "qc-2", groups = new[] { "quality" } })).StatusCode);
        Assert.Contains("qc-reader", await plant.GetStringAsync("/api/admin/keys"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await plant.DeleteAsync("/api/admin/keys/qc-reader")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await quality.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task JobsAndFeedback_AdminOfAnotherGroup_NotFound()
    {
        using var server = new CorpusServer { Anonymous = false, Corpus = _corpus };
        using var editor = await server.ReadyClientAsync(server.AddKey("qc-editor", ApiKeyRole.Editor, "quality"));
        using var qualityAdmin = await server.ReadyClientAsync(server.AddKey("qc-admin", ApiKeyRole.Admin, "quality"));
        using var productionAdmin = await server.ReadyClientAsync(server.AddKey("prod-admin", ApiKeyRole.Admin, "production"));

        var job = await Upload(server, editor, ("qc-018.md", "# QC-018 Paint inspection\n\n## 2 Gloss\n\nGloss at least 80 GU.\n"), ("groups", "quality"));
        var answer = JsonDocument.Parse(await (await editor.PostAsJsonAsync("/api/ask", new { question = Question })).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentNumber").GetString() == "QC-017");
        var rating = new { answerId = answer.GetProperty("answerId").GetString(), rating = "down" };

        Assert.Equal(HttpStatusCode.NotFound, (await productionAdmin.GetAsync($"/api/jobs/{job.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qualityAdmin.GetAsync($"/api/jobs/{job.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await productionAdmin.PostAsJsonAsync("/api/feedback", rating)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await qualityAdmin.PostAsJsonAsync("/api/feedback", rating)).StatusCode);
    }

    [Fact]
    public async Task EverythingAnotherGroupDoes_QualityReadersAnswersAndSearchUnchanged()
    {
        using var server = new CorpusServer { Anonymous = false, Corpus = _corpus };
        using var reader = await server.ReadyClientAsync(server.AddKey("qc-reader", ApiKeyRole.Reader, "quality"));
        using var editor = await server.ReadyClientAsync(server.AddKey("prod-editor", ApiKeyRole.Editor, "production"));
        using var admin = await server.ReadyClientAsync(server.AddKey("prod-admin", ApiKeyRole.Admin, "production"));
        var before = await Observe(reader);
        var answerId = JsonDocument.Parse(await (await reader.PostAsJsonAsync("/api/ask", new { question = Question })).Content.ReadAsStringAsync()).RootElement.GetProperty("answerId").GetString();

        // Every metadata an editor can send, on a number, title and name of the quality document's.
        var jobs = new List<JsonElement>();
        foreach (var (date, name) in new[] { ("2030-01-01", "QC-017_weld-inspection.md"), ("1990-01-01", "qc-017-old.md"), ("2026-06-01", "qc-017-title.md") })
        {
            jobs.Add(await Upload(server, editor, (name, "# QC-017 Weld inspection standard\n\n## 3 Acceptance\n\nPorosity does not matter.\n"), ("groups", "production"), ("documentNumber", "QC-017"), ("effectiveDate", date), ("title", "QC-017 Weld inspection standard"), ("revision", "Z")));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/api/documents", DocumentsApiTests.Form(("x.md", "# x\n"), ("groups", "quality")))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/documents/{jobs[1].GetProperty("documentId").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "mine", groups = new[] { "quality" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/keys/qc-reader")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/feedback", new { answerId, rating = "down" })).StatusCode);
        foreach (var job in jobs)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/jobs/{job.GetProperty("id").GetString()}")).StatusCode);
        }

        Assert.Equal(before, await Observe(reader));
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    // What the quality reader sees of its own documents: the answer's text and citations, the search hits, the library.
    private static async Task<string> Observe(HttpClient reader)
    {
        var answer = JsonDocument.Parse(await (await reader.PostAsJsonAsync("/api/ask", new { question = Question })).Content.ReadAsStringAsync()).RootElement;
        var search = JsonDocument.Parse(await (await reader.PostAsJsonAsync("/api/search", new { query = "QC-017 porosity" })).Content.ReadAsStringAsync()).RootElement;
        var library = JsonDocument.Parse(await reader.GetStringAsync("/api/documents")).RootElement;
        return string.Join("\n",
            answer.GetProperty("answer").GetString(),
            answer.GetProperty("outcome").GetString(),
            string.Join("|", answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("chunkId").GetString())),
            string.Join("|", search.EnumerateArray().Select(h => h.GetProperty("chunkId").GetString())),
            string.Join("|", library.EnumerateArray().Select(d => $"{d.GetProperty("id").GetString()}:{d.GetProperty("status").GetString()}")));
    }

    private static JsonElement Single(string documents, string number) =>
        Assert.Single(JsonDocument.Parse(documents).RootElement.EnumerateArray(), d => d.GetProperty("documentNumber").GetString() == number);

    private static async Task<JsonElement> Upload(CorpusServer server, HttpClient client, params (string Name, string Value)[] parts)
    {
        var accepted = await client.PostAsync("/api/documents", DocumentsApiTests.Form(parts));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await server.FinishedJobAsync(client, JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("id").GetString()!);
        Assert.Equal("indexed", job.GetProperty("state").GetString());
        return job;
    }
}
