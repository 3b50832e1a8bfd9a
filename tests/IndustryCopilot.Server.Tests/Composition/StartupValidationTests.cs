using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Composition;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task RealProcess_WrongSettingsInFourSections_RefusesToStartListingEveryOne()
    {
        using var data = new TempDirectory();

        var (exitCode, error) = await ServerProcess.RefusedAsync(data.Path, new Dictionary<string, string?>
        {
            ["ICP_Server__MaxUploadMegabytes"] = "0",
            ["ICP_Auth__LockoutMinutes"] = "0",
            ["ICP_Retrieval__RrfK"] = "0",
            ["ICP_Chunking__OverlapTokens"] = "300",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("the configuration has 4 problem(s)", error, StringComparison.Ordinal);
        foreach (var setting in new[] { "Server:MaxUploadMegabytes", "Auth:LockoutMinutes", "Retrieval: CandidatesPerLane and RrfK", "Chunking:OverlapTokens" })
        {
            Assert.Contains(setting, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RealProcess_ValuesThatCannotBeBound_RefusesToStartListingThemWithTheOthers()
    {
        using var data = new TempDirectory();

        var (exitCode, error) = await ServerProcess.RefusedAsync(data.Path, new Dictionary<string, string?>
        {
            ["ICP_Server__RequestsPerMinute"] = "many",
            ["ICP_Index__Provider"] = "elastic",
            ["ICP_Retrieval__RrfK"] = "0",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("the configuration has 3 problem(s)", error, StringComparison.Ordinal);
        foreach (var words in new[] { "'many' at 'Server:RequestsPerMinute'", "'elastic' at 'Index:Provider'", "Retrieval: CandidatesPerLane and RrfK" })
        {
            Assert.Contains(words, error, StringComparison.Ordinal);
        }
    }
}
