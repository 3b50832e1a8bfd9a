using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests;

/// <summary>The real server process on a loopback port, called over HTTP.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task RealProcess_DataDirFlag_KeyMadeThereAcceptedAndCorpusAnsweredOverHttp()
    {
        var data = Directory.CreateTempSubdirectory("icp-server-process-").FullName;
        // Made where `icp keys add --data-dir` makes it: the flag alone names the directory the server reads.
        var key = LocalKeys.Add(data, "process-test", Hosting.Security.ApiKeyRole.Reader, ["production"]).Key;
        try
        {
            await using var server = await ServerProcess.StartAsync(data);
            var client = server.Client;
            var anonymous = await client.PostAsJsonAsync("/api/ask", new { question = "E-203 报警怎么处理？" });
            client.DefaultRequestHeaders.Add("X-Api-Key", key);

            var response = await client.PostAsJsonAsync("/api/ask", new { question = "E-203 报警怎么处理？" });
            var huge = await client.PostAsJsonAsync("/api/ask", new { question = new string('x', 2 * 1024 * 1024) });

            var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;
            Assert.Equal(Path.GetFullPath(data), ready.GetProperty("index").GetProperty("dataDirectory").GetString());
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("quote", body.GetProperty("mode").GetString());
            Assert.Contains(body.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString()!.Contains("E-203", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
