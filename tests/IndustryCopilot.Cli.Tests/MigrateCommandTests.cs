using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

/// <summary>
/// <c>icp migrate</c> without a Qdrant server: the failures a plant's IT meets first must say what is wrong. The copy
/// itself is covered by the index contract suite (<c>SearchIndexSync</c> into Qdrant when <c>ICP_QDRANT_URL</c> is set).
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public void Migrate_UnknownTarget_RefusedWithExit2()
    {
        using var data = new TempDirectory();

        var result = IcpProcess.Run(["migrate", "--to", "elasticsearch", "--data-dir", data.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to must be qdrant", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_QdrantNotListening_Exit2NamingWhatFailed()
    {
        using var data = new TempDirectory();
        var environment = new Dictionary<string, string> { ["ICP_Qdrant__MaxRetries"] = "0", ["ICP_Embeddings__Enabled"] = "false" };

        var result = IcpProcess.Run(["migrate", "--to", "qdrant", "--url", "http://127.0.0.1:9", "--data-dir", data.Path], environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Unavailable", result.Error, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9", result.Output, StringComparison.Ordinal);
    }
}
