using System.Diagnostics;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Tests.Fixtures;
using Microsoft.Extensions.Configuration;

namespace IndustryCopilot.Server.Tests.Deployment;

/// <summary>deploy/ (the systemd unit and the service's appsettings.json) agrees with the program and with docs/install.md.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string Deploy = Path.Combine(CorpusServer.RepositoryRoot, "deploy");
    private static readonly string Install = File.ReadAllText(Path.Combine(CorpusServer.RepositoryRoot, "docs", "install.md"));

    [Fact]
    public void Unit_AgainstProgramAndInstallGuide_RunsTheServerAsItsOwnUserWritingOnlyItsData()
    {
        var service = Section(File.ReadAllLines(Path.Combine(Deploy, "industrycopilot.service")), "Service");

        var program = service["ExecStart"].Single().Split(' ')[0];
        Assert.Equal(typeof(ServerOptions).Assembly.GetName().Name, Path.GetFileName(program));
        Assert.Equal("/opt/industrycopilot/server", Path.GetDirectoryName(program));
        Assert.Contains("-o out/industrycopilot/server", Install, StringComparison.Ordinal);
        Assert.Contains("tar -C /opt -xzf industrycopilot.tar.gz", Install, StringComparison.Ordinal);

        Assert.Equal("industrycopilot", service["User"].Single());
        Assert.Contains("useradd --system --home-dir /var/lib/industrycopilot --shell /usr/sbin/nologin industrycopilot", Install, StringComparison.Ordinal);
        var data = service["Environment"].Single(e => e.StartsWith("ICP_DATA_DIR=", StringComparison.Ordinal))["ICP_DATA_DIR=".Length..];
        Assert.Contains(service["ReadWritePaths"].Single().Split(' '), p => data.StartsWith(p + "/", StringComparison.Ordinal));
        Assert.Equal("strict", service["ProtectSystem"].Single());
        Assert.Contains($"install -d -o industrycopilot -g industrycopilot -m 750 /var/lib/industrycopilot {data}", Install, StringComparison.Ordinal);

        var workingDirectory = service["WorkingDirectory"].Single();
        Assert.Contains($"install -m 644 /opt/industrycopilot/deploy/appsettings.json {workingDirectory}/appsettings.json", Install, StringComparison.Ordinal);
        Assert.Contains("install -m 644 /opt/industrycopilot/deploy/industrycopilot.service /etc/systemd/system/industrycopilot.service", Install, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_BoundAsTheServerBindsThem_ValidAndWatchingTheFolderTheGuideCreates()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Deploy, "appsettings.json")).Build();
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>()!;

        Assert.Empty(server.Problems());
        Assert.False(server.AllowAnonymousLoopback);
        var folder = Assert.Single(server.Folders);
        Assert.True(Path.IsPathRooted(folder), folder);
        Assert.Contains($"install -d -m 755 /etc/industrycopilot {folder}", Install, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Unit_WhereInstalled_SystemdAnalyzeVerifyAcceptsIt()
    {
        var service = Section(File.ReadAllLines(Path.Combine(Deploy, "industrycopilot.service")), "Service");
        var program = service["ExecStart"].Single().Split(' ')[0];
        Skip.IfNot(File.Exists("/usr/bin/systemd-analyze"), "needs systemd-analyze (Debian's systemd package)");
        Skip.IfNot(File.Exists(program), $"the server is not installed at {program} on this machine (docs/install.md installs it there)");

        using var verify = Process.Start(new ProcessStartInfo("/usr/bin/systemd-analyze", ["verify", Path.Combine(Deploy, "industrycopilot.service")]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = verify.StandardError.ReadToEnd();
        verify.WaitForExit();

        Assert.True(verify.ExitCode == 0, errors);
    }

    private static Dictionary<string, List<string>> Section(string[] lines, string name)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inside = false;
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('['))
            {
                inside = line == $"[{name}]";
            }
            else if (inside && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                (values.TryGetValue(line[..eq], out var list) ? list : values[line[..eq]] = []).Add(line[(eq + 1)..]);
            }
        }

        return values;
    }
}
