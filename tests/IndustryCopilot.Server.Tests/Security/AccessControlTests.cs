using System.Net;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Security;

/// <summary>A document restricted to <c>quality</c> never reaches a <c>production</c> key, through any endpoint (ask, stream, search, MES, OpenAI, documents, sources, files, export, audit).</summary>
public sealed class AccessControlTests : IDisposable
{
    private const string Secret = "QX-778";
    private readonly string _corpus = Directory.CreateTempSubdirectory("icp-acl-corpus-").FullName;
    private Slapd? _slapd;

    public AccessControlTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(CorpusServer.RepositoryRoot, "corpus")))
        {
            File.Copy(file, Path.Combine(_corpus, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(_corpus, "QC-017_weld-inspection.md"), $"# QC-017 Weld inspection standard\n\n## 3 Acceptance\n\nWeld seam porosity class {Secret} is acceptable up to 2 pores per 100 mm of seam.\n");
        File.WriteAllText(Path.Combine(_corpus, "QC-017_weld-inspection.md.meta.json"), """{"accessGroups":["quality"]}""");
    }

    [SkippableTheory]
    [InlineData("key")]
    [InlineData("person")]
    public async Task Endpoints_RestrictedDocument_HiddenFromProductionVisibleToQuality(string caller)
    {
        using var server = Server(caller, ApiKeyRole.Reader);
        var (asProduction, asQuality) = await Clients(server, caller, ApiKeyRole.Reader);
        using var _ = asProduction;
        using var __ = asQuality;
        var question = new { question = $"What is weld seam porosity class {Secret}?" };
        var askedForQuality = new { question = question.question, filters = new[] { "group=quality" } };

        var productionTexts = new[]
        {
            await Text(asProduction, "/api/ask", question),
            await Text(asProduction, "/api/ask/stream", question),
            await Text(asProduction, "/api/search", new { query = Secret }),
            await Text(asProduction, "/api/ask", askedForQuality),
            await Text(asProduction, "/api/mes/lookup", new { question = question.question }),
            await Text(asProduction, "/v1/chat/completions", new { model = "industrycopilot", messages = new[] { new { role = "user", content = question.question } } }),
        };
        var qualityAnswer = await Text(asQuality, "/api/ask", question);

        Assert.All(productionTexts, t => Assert.DoesNotContain("Weld inspection", t, StringComparison.OrdinalIgnoreCase));
        Assert.All(productionTexts, t => Assert.DoesNotContain("2 pores", t, StringComparison.Ordinal));
        Assert.Contains("2 pores per 100 mm", qualityAnswer, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("key")]
    [InlineData("person")]
    public async Task Library_RestrictedDocument_HiddenFromProductionInDocumentsSourcesFilesExportAndAudit(string caller)
    {
        using var server = Server(caller, ApiKeyRole.Admin);
        var (production, quality) = await Clients(server, caller, ApiKeyRole.Admin);
        using var _ = production;
        using var __ = quality;
        var id = Core.Ingestion.IngestionPipeline.DocumentId(Path.Combine(_corpus, "QC-017_weld-inspection.md"));
        var chunk = Uri.EscapeDataString($"{id}#0");
        // Quality asks, so the audit and the Q&A export hold an answer citing the restricted document.
        Assert.Contains("2 pores", await Text(quality, "/api/ask", new { question = $"What is weld seam porosity class {Secret}?" }), StringComparison.Ordinal);

        var hidden = new[] { $"/api/documents/{id}", $"/api/documents/{id}/file", $"/api/sources/{chunk}" };
        var listed = new[] { "/api/documents", "/api/audit", "/api/audit/export", "/api/export/qa.jsonl" };

        foreach (var path in hidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await production.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await quality.GetAsync(path)).StatusCode);
        }

        foreach (var path in listed)
        {
            var seen = await production.GetStringAsync(path);
            Assert.DoesNotContain("Weld inspection", seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("2 pores", seen, StringComparison.Ordinal);
            Assert.Contains("Weld inspection", await quality.GetStringAsync(path), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Api_NoKeyOrUnknownKey_401ProblemDetails()
    {
        using var server = new CorpusServer { Anonymous = false, Corpus = _corpus };
        using var client = await server.ReadyClientAsync();
        using var forged = await server.ReadyClientAsync("icp_" + new string('0', 64));

        var none = await CorpusServer.PostJson(client, "/api/search", new { query = "pump" });
        var unknown = await CorpusServer.PostJson(forged, "/api/ask", new { question = "pump" });

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    public void Dispose()
    {
        _slapd?.Dispose();
        Directory.Delete(_corpus, recursive: true);
    }

    // The same suite for a program's key and for a person signed in through the directory: zhang (maintenance) is
    // mapped to production, liwei (qa) to quality.
    private CorpusServer Server(string caller, ApiKeyRole role)
    {
        if (caller == "key")
        {
            return new CorpusServer { Anonymous = false, Corpus = _corpus };
        }

        Skip.If(Slapd.Missing is not null, Slapd.Missing);
        _slapd ??= new Slapd();
        var settings = _slapd.Settings();
        settings["Auth:GroupMap:0:Directory"] = Slapd.Maintenance;
        settings["Auth:GroupMap:0:Groups:0"] = "production";
        settings["Auth:GroupMap:0:Role"] = role.ToString();
        settings["Auth:GroupMap:1:Directory"] = Slapd.Qa;
        settings["Auth:GroupMap:1:Groups:0"] = "quality";
        settings["Auth:GroupMap:1:Role"] = role.ToString();
        return new CorpusServer { Anonymous = false, Corpus = _corpus, Settings = settings };
    }

    private static async Task<(HttpClient Production, HttpClient Quality)> Clients(CorpusServer server, string caller, ApiKeyRole role) =>
        caller == "key"
            ? (await server.ReadyClientAsync(server.AddKey("line3", role, "production")), await server.ReadyClientAsync(server.AddKey("qa", role, "quality")))
            : (await SignedIn.PersonAsync(server, "zhang", "pw-zhang"), await SignedIn.PersonAsync(server, "liwei", "pw-liwei"));

    private static async Task<string> Text(HttpClient client, string path, object body)
    {
        var response = await CorpusServer.PostJson(client, path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
