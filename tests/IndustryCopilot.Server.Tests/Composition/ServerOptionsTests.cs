using IndustryCopilot.Server.Composition;
using Microsoft.Extensions.Configuration;

namespace IndustryCopilot.Server.Tests.Composition;

public sealed class ServerOptionsTests
{
    private static ServerOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();

    [Fact]
    public void Folders_NoneConfigured_Corpus()
    {
        Assert.Equal(["corpus"], Bind([]).Folders);
    }

    [Fact]
    public void Folders_OneConfigured_ReplacesTheDefaultInsteadOfJoiningIt()
    {
        var options = Bind(new() { ["Server:WatchedFolders:0"] = "/srv/documents" });

        Assert.Equal(["/srv/documents"], options.Folders);
    }
}
