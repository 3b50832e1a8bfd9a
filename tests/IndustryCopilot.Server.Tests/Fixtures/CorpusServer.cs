using System.Net.Http.Json;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Indexing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>The server in memory over a fresh data directory, with corpus/ indexed at start; ready once /health/ready says so.</summary>
public sealed class CorpusServer : WebApplicationFactory<Program>
{

    public static string RepositoryRoot { get; } = FindRepository();

    /// <summary>Callers without a key get in as readers of public documents (default true; false: keys required).</summary>
    public bool Anonymous { get; init; } = true;

    /// <summary>API requests per minute per key (the server's default when null).</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>The folder indexed at start (default: the repository's corpus/).</summary>
    public string Corpus { get; init; } = Path.Combine(RepositoryRoot, "corpus");

    /// <summary>The data directory (for creating keys before the server starts); a fresh one unless given. Deleted on dispose.</summary>
    public string DataDirectory { get; init; } = Directory.CreateTempSubdirectory("icp-server-").FullName;

    /// <summary>Extra configuration (e.g. a bot's section), applied like appsettings.json.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the server's clock (e.g. a fake one at a published sample's timestamp).</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>When set (with <c>Index:Provider=qdrant</c>), the Qdrant search index the server uses, e.g. over a recording stand-in.</summary>
    internal Qdrant.QdrantSearchIndex? SearchIndex { get; init; }

    /// <summary>When set, the server answers with this model instead of the configured one.</summary>
    internal Hosting.Llm.ChatBackend? Model { get; init; }

    public async Task<HttpClient> ReadyClientAsync(string? key = null)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        await ReadyAsync();
        var ready = await client.GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Completes when the start-up indexing has finished and the search index holds the catalog (what /health/ready reports).</summary>
    public Task ReadyAsync()
    {
        var indexing = Services.GetRequiredService<IndexingStatus>();
        var search = Services.GetRequiredService<SearchIndexSyncStatus>();
        return Until.Signalled(
            () => indexing.Completed && search.UpToDate,
            h => { indexing.Changed += h; search.Changed += h; },
            h => { indexing.Changed -= h; search.Changed -= h; },
            "the server's start-up indexing");
    }

    /// <summary>Creates an API key in the server's data directory and returns it.</summary>
    public string AddKey(string name, Hosting.Security.ApiKeyRole role, params string[] groups)
    {
        return LocalKeys.Add(DataDirectory, name, role, groups).Key;
    }

    /// <summary>Waits until an upload job has finished (indexed or failed); returns its JSON as the API shows it.</summary>
    public async Task<System.Text.Json.JsonElement> FinishedJobAsync(HttpClient client, string jobId)
    {
        var uploads = Services.GetRequiredService<UploadQueue>();
        await Until.Signalled(
            () => uploads.Get(jobId)?.State is UploadState.Indexed or UploadState.Failed,
            h => uploads.Changed += h,
            h => uploads.Changed -= h,
            $"upload job {jobId} finishing");
        return System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/jobs/{jobId}")).RootElement;
    }

    public static Task<HttpResponseMessage> PostJson(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    /// <summary>Leave the data directory in place when disposed, for a second server over it (a restart).</summary>
    public bool KeepDataDirectory { get; init; }

    /// <summary>Stop without waiting for open requests, as a crashed or killed server does to its connections.</summary>
    public bool AbruptShutdown { get; init; }

    /// <summary>Changes to the server's services after its own registrations (a stand-in for one of them).</summary>
    public Action<IServiceCollection>? Replace { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Replace is { } replace)
        {
            builder.ConfigureServices(replace);
        }

        if (AbruptShutdown)
        {
            builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.Zero));
        }

        builder.UseSetting("Index:DataDirectory", DataDirectory);
        builder.UseSetting("Server:WatchedFolders:0", Corpus);
        builder.UseSetting("Server:AllowAnonymousLoopback", Anonymous ? "true" : "false");
        if (RequestsPerMinute is { } perMinute)
        {
            builder.UseSetting("Server:RequestsPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is { } time)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(time)));
        }

        if (SearchIndex is { } searchIndex)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(searchIndex)));
        }

        if (Model is { } model)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(new ServedModel(model))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDataDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IndustryCopilot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
