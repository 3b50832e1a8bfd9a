using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Composition;
using IndustryCopilot.Hosting.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Hosting.Tests.Composition;

public sealed class CopilotCompositionTests
{
    [Fact]
    public void BuildCopilot_SeveralSectionsWrong_EveryProblemReportedAtOnce()
    {
        var configuration = Configuration(
            ("Retrieval:RrfK", "0"),
            ("Retrieval:LexicalWeight", "-1"),
            ("Chunking:MaxTokens", "10"),
            ("Llm:MaxParallel", "0"),
            ("Store:Provider", "Postgres"));

        var error = Assert.Throws<InvalidOptionsException>(() => CopilotComposition.BuildCopilot(configuration, "/tmp/icp-unused"));

        // Two of Retrieval, two of Chunking (range and overlap), one of the model queue (Llm), one of Store: none hidden behind the first.
        Assert.Equal(6, error.Problems.Count);
        foreach (var setting in new[] { "Retrieval: CandidatesPerLane and RrfK", "Retrieval: lane weights", "Chunking: MaxTokens", "Chunking:OverlapTokens", "Llm: MaxParallel", "Store:ConnectionString" })
        {
            Assert.Contains(error.Problems, p => p.StartsWith(setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BuildCopilot_ValuesThatCannotBeBound_ReportedWithTheOtherProblems()
    {
        // The typos an admin makes most: a word for a number, a provider that does not exist.
        var configuration = Configuration(("Retrieval:RrfK", "sixty"), ("Index:Provider", "elastic"), ("Chunking:OverlapTokens", "300"));

        var error = Assert.Throws<InvalidOptionsException>(() => CopilotComposition.BuildCopilot(configuration, "/tmp/icp-unused"));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("'sixty'", StringComparison.Ordinal) && p.Contains("Retrieval:RrfK", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'elastic'", StringComparison.Ordinal) && p.Contains("Index:Provider", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Chunking:OverlapTokens", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildCopilot_ValidConfiguration_OptionsBoundAndDataDirectoryResolved()
    {
        using var data = new TempDirectory();
        using var services = CopilotComposition.BuildCopilot(Configuration(("Retrieval:RrfK", "30"), ("Chunking:MaxTokens", "300")), data.Path);

        var environment = services.GetRequiredService<CopilotEnvironment>();

        Assert.Equal(30, environment.Retrieval.RrfK);
        Assert.Equal(300, environment.Chunking.MaxTokens);
        Assert.Equal(Path.GetFullPath(data.Path), environment.Index.DataDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath(data.Path), "index.db"), services.GetRequiredService<SqliteIndex>().DatabasePath);
    }

    [Fact]
    public async Task AddCopilotCore_HostClock_ReachesTheStoresTheContainerBuilds()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddCopilotCore(Configuration(), data.Path)
            .BuildServiceProvider();
        services.ValidateOptions();

        var (_, key) = await services.GetRequiredService<IApiKeyStore>().AddAsync("mes-line3", ApiKeyRole.Reader, ["production"]);

        Assert.Same(clock, services.GetRequiredService<CopilotEnvironment>().Time);
        Assert.Equal(clock.GetUtcNow(), key.Created);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
