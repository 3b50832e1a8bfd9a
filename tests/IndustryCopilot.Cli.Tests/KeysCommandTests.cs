using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

public sealed class KeysCommandTests
{
    [Fact]
    public void KeysAdd_NewKey_PrintedOnceAloneOnTheLastLineThenListedWithoutIt()
    {
        using var dir = new TempDirectory();
        string[] data = ["--data-dir", dir.Path];

        var added = IcpProcess.Run(["keys", "add", "--name", "mes-line3", "--groups", "production,quality", "--role", "reader", .. data]);
        var listed = IcpProcess.Run(["keys", "list", .. data]);
        var badRole = IcpProcess.Run(["keys", "add", "--name", "x", "--role", "boss", .. data]);

        Assert.True(added.ExitCode == 0, added.Error);
        var key = added.Output.TrimEnd().Split('\n')[^1];
        Assert.Matches("^icp_[0-9a-f]{64}$", key);
        Assert.Contains("production,quality,public", listed.Output);
        Assert.DoesNotContain(key, listed.Output);
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("unknown role 'boss'", badRole.Error);
    }
}
