using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests;

/// <summary>The real server process on a loopback port, called over HTTP.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task RealProcess_DataDirFlag_KeyMadeThereAcceptedAndCorpusAnsweredOverHttp()
    {
        var data = Directory.CreateTempSubdirectory("icp-server-process-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IndustryCopilot.Server.dll"), "--urls", $"http://127.0.0.1:{port}", "--data-dir", data])
        {
            // Standard output is not read: left redirected, a chatty server could fill the pipe and stall.
            RedirectStandardOutput = false,
            RedirectStandardError = true,
            WorkingDirectory = CorpusServer.RepositoryRoot,
            // Only the flag names the data directory, as `icp keys add --data-dir` did for the key below.
            Environment = { ["ICP_Index__DataDirectory"] = null, ["ICP_DATA_DIR"] = null },
        };
        var key = LocalKeys.Add(data, "process-test", Hosting.Security.ApiKeyRole.Reader, ["production"]).Key;

        using var process = Process.Start(info)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReady(client, process);
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
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    // Another process raises no event this test can subscribe to: ask its health endpoint until it answers ready.
    private static Task WaitReady(HttpClient client, Process process) =>
        Until.Answered(
            async () =>
            {
                if (process.HasExited)
                {
                    Assert.Fail("the server exited: " + await process.StandardError.ReadToEndAsync());
                }

                try
                {
                    return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            },
            "the server process becoming ready");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
