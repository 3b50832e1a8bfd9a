using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// The real server program in a process of its own on a free loopback port, run from the repository root (so
/// <c>corpus</c> is its watched folder), killed on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>A client of this process (no key: add <c>X-Api-Key</c> per request or to its headers).</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the server over <paramref name="dataDirectory"/> with <paramref name="environment"/> added to its environment; completes when it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var port = FreePort();
        var server = new ServerProcess(Process.Start(Info(port, dataDirectory, environment))!, port);
        try
        {
            await server.WaitReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the server expecting it to refuse to start; returns its exit code and standard error once it ended.</summary>
    public static async Task<(int ExitCode, string Error)> RefusedAsync(string dataDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        using var process = Process.Start(Info(FreePort(), dataDirectory, environment))!;
        var error = process.StandardError.ReadToEndAsync();
        // A server that started instead never exits: the hang guard fails the test.
        await Until.Guarded(process.WaitForExitAsync(), "the server refusing to start");
        return (process.ExitCode, await error);
    }

    private static ProcessStartInfo Info(int port, string dataDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IndustryCopilot.Server.dll"), "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDirectory])
        {
            // Standard output is not read: left redirected, a chatty server could fill the pipe and stall.
            RedirectStandardOutput = false,
            RedirectStandardError = true,
            WorkingDirectory = CorpusServer.RepositoryRoot,
            // Only the flag names the data directory.
            Environment = { ["ICP_Index__DataDirectory"] = null, ["ICP_DATA_DIR"] = null },
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>
    /// Completes when the process writes <c>icp: held at …</c> to standard error: it reached the <c>ICP_TEST_HOLD</c>
    /// point given in its environment and blocks there until killed.
    /// </summary>
    public async Task HeldAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("icp: held at ", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"the server ended (exit {_process.ExitCode}) without reaching its hold point");
    }

    /// <summary>Kills the process as a power cut or an OOM kill would: no shutdown, no goodbye to its database.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    // Another process raises no event this test can subscribe to: ask its health endpoint until it answers ready.
    private Task WaitReadyAsync() =>
        Until.Answered(
            async () =>
            {
                if (_process.HasExited)
                {
                    Assert.Fail("the server exited: " + await _process.StandardError.ReadToEndAsync());
                }

                try
                {
                    return (await Client.GetAsync("/health/ready")).IsSuccessStatusCode;
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
