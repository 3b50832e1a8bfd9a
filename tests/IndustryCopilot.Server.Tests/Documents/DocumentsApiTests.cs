using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Documents;

public sealed class DocumentsApiTests
{
    private static readonly string Sop = Path.Combine(CorpusServer.RepositoryRoot, "corpus");

    [Fact]
    public async Task Documents_ListOutlineSourceAndFile_DescribeTheCorpusDocument()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/documents")).RootElement;
        Assert.Equal(Directory.GetFiles(Sop, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".meta.json", StringComparison.Ordinal)), list.GetArrayLength());
        var first = list.EnumerateArray().First(d => d.GetProperty("chunkCount").GetInt32() > 2);
        var id = first.GetProperty("id").GetString()!;
        Assert.Equal("folder", first.GetProperty("origin").GetString());

        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{id}")).RootElement;
        var outline = detail.GetProperty("outline");
        Assert.Equal(first.GetProperty("chunkCount").GetInt32(), outline.GetArrayLength());
        var chunkId = outline[1].GetProperty("id").GetString()!;

        var source = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{Uri.EscapeDataString(chunkId)}")).RootElement;
        Assert.Equal(chunkId, source.GetProperty("passage").GetProperty("chunkId").GetString());
        Assert.Equal(outline[0].GetProperty("id").GetString(), source.GetProperty("previous").GetProperty("chunkId").GetString());
        Assert.Equal(outline[2].GetProperty("id").GetString(), source.GetProperty("next").GetProperty("chunkId").GetString());
        Assert.Equal(outline[1].GetProperty("sectionPath").GetString(), source.GetProperty("passage").GetProperty("sectionPath").GetString());

        var file = await client.GetAsync(source.GetProperty("fileUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var name = first.GetProperty("fileName").GetString()!;
        Assert.Equal(await File.ReadAllBytesAsync(Directory.GetFiles(Sop, name, SearchOption.AllDirectories).Single()), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, file.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task Sources_UnknownOrMalformedChunk_404()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/sources/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sources/{Uri.EscapeDataString("000000000000#0")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/documents/000000000000/file")).StatusCode);
    }

    [Fact]
    public async Task Upload_EditorMarkdown_IndexedSearchableThenDeleted()
    {
        using var server = new CorpusServer { Anonymous = false };
        var editor = server.AddKey("docs", ApiKeyRole.Editor, "production");
        using var client = await server.ReadyClientAsync(editor);

        var accepted = await client.PostAsync("/api/documents", Form(("../../etc/WI-204 press brake.md", "# WI-204 Press brake\n\n## 4 Die change\n\nClamp pressure for die change on press PB-9 is 210 bar.\n"), ("groups", "production"), ("revision", "B")));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var jobId = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("id").GetString()!;
        var job = await server.FinishedJobAsync(client, jobId);

        Assert.Equal("indexed", job.GetProperty("state").GetString());
        Assert.Equal("WI-204 press brake.md", job.GetProperty("fileName").GetString());
        var documentId = job.GetProperty("documentId").GetString()!;
        var stored = Path.Combine(server.DataDirectory, "uploads", "WI-204 press brake.md");
        Assert.True(File.Exists(stored));
        var document = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{documentId}")).RootElement.GetProperty("document");
        Assert.Equal("B", document.GetProperty("revision").GetString());
        Assert.Equal(["production"], document.GetProperty("accessGroups").EnumerateArray().Select(g => g.GetString()!));
        var hits = await (await CorpusServer.PostJson(client, "/api/search", new { query = "PB-9 clamp pressure" })).Content.ReadAsStringAsync();
        Assert.Contains("210 bar", hits, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/documents/{documentId}")).StatusCode);
        Assert.False(File.Exists(stored));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{documentId}")).StatusCode);
        Assert.DoesNotContain("210 bar", await (await CorpusServer.PostJson(client, "/api/search", new { query = "PB-9 clamp pressure" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_BrokenFileBesideGoodOne_FailsAloneAndIsRemoved()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var client = await server.ReadyClientAsync(server.AddKey("docs", ApiKeyRole.Editor));

        var accepted = await client.PostAsync("/api/documents", Form(("broken.pdf", "%PDF-1.7 this is not a PDF"), ("fine.txt", "Coolant concentration for grinder G-2 is 5 %.")));
        var jobs = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs");
        var broken = await server.FinishedJobAsync(client, jobs[0].GetProperty("id").GetString()!);
        var fine = await server.FinishedJobAsync(client, jobs[1].GetProperty("id").GetString()!);

        Assert.Equal("failed", broken.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(broken.GetProperty("error").GetString()));
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "uploads", "broken.pdf")));
        Assert.Equal("indexed", fine.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Upload_ReaderOrForeignGroupOrWrongType_Refused()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var reader = await server.ReadyClientAsync(server.AddKey("reader", ApiKeyRole.Reader, "production"));
        using var editor = await server.ReadyClientAsync(server.AddKey("editor", ApiKeyRole.Editor, "production"));

        var asReader = await reader.PostAsync("/api/documents", Form(("a.md", "# A\n\ntext")));
        var foreignGroup = await editor.PostAsync("/api/documents", Form(("a.md", "# A\n\ntext"), ("groups", "quality")));
        var executable = await editor.PostAsync("/api/documents", Form(("tool.exe", "MZ")));
        var deleteAsReader = await reader.DeleteAsync($"/api/documents/{IngestionPipeline.DocumentId(Path.Combine(server.DataDirectory, "uploads", "a.md"))}");

        Assert.Equal(HttpStatusCode.Forbidden, asReader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignGroup.StatusCode);
        Assert.Contains("quality", await foreignGroup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, executable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleteAsReader.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "uploads")) && Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "uploads")).Any());
    }

    [Fact]
    public async Task Upload_SameNameWithoutMetadata_NewRevisionKeepsAccessGroups()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var client = await server.ReadyClientAsync(server.AddKey("docs", ApiKeyRole.Editor, "quality"));
        var first = await client.PostAsync("/api/documents", Form(("QC-1.md", "# QC-1\n\nGauge R&R limit is 10 %."), ("groups", "quality")));
        await server.FinishedJobAsync(client, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("id").GetString()!);

        var second = await client.PostAsync("/api/documents", Form(("QC-1.md", "# QC-1\n\nGauge R&R limit is 30 %.")));
        var job = await server.FinishedJobAsync(client, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("id").GetString()!);

        var document = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{job.GetProperty("documentId").GetString()}")).RootElement.GetProperty("document");
        Assert.Equal(["quality"], document.GetProperty("accessGroups").EnumerateArray().Select(g => g.GetString()!));
        Assert.Contains("30 %", await (await CorpusServer.PostJson(client, "/api/search", new { query = "Gauge R&R limit" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(server.DataDirectory, "uploads"), "*.md"));
    }

    [Fact]
    public async Task Delete_WatchedFolderDocument_409AndFileKept()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var client = await server.ReadyClientAsync(server.AddKey("docs", ApiKeyRole.Editor));
        var id = JsonDocument.Parse(await client.GetStringAsync("/api/documents")).RootElement[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/documents/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("../../etc/passwd.md", "passwd.md")]
    [InlineData("C:\\Users\\x\\SOP 1.docx", "SOP 1.docx")]
    [InlineData(".hidden.md", "hidden.md")]
    [InlineData("a<b>|c.pdf", "a_b__c.pdf")]
    [InlineData("..", null)]
    [InlineData("x.md.meta.json", null)]
    public void SafeName_ClientFileName_ReducedToAPlainName(string client, string? expected) =>
        Assert.Equal(expected, DocumentUpload.SafeName(client));

    internal static MultipartFormDataContent Form(params (string Name, string Value)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in parts)
        {
            if (name.Contains('.', StringComparison.Ordinal))
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, "file", name);
            }
            else
            {
                form.Add(new StringContent(value), name);
            }
        }

        return form;
    }
}
