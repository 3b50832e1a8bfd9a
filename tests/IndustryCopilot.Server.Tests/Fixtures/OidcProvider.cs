using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// A real OpenID Connect provider: the npm package <c>oidc-provider</c> run by Debian's node on a loopback port
/// (<c>tests/oidc-provider/provider.mjs</c>), with one client and people who carry a <c>groups</c> claim.
/// </summary>
public sealed class OidcProvider : IDisposable
{
    public const string ClientId = "industrycopilot";
    public const string ClientSecret = "test-client-secret";
    private static readonly string Folder = Path.Combine(CorpusServer.RepositoryRoot, "tests", "oidc-provider");
    private Process? _process;

    public OidcProvider()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        Port = ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Why the tests cannot run here, or null.</summary>
    public static string? Missing =>
        !File.Exists("/usr/bin/node") ? "needs Debian's nodejs (test.sh installs it)"
        : !Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")) ? "needs the oidc-provider package: npm ci --prefix tests/oidc-provider (test.sh runs it)"
        : null;

    public int Port { get; }

    public string Issuer => $"http://127.0.0.1:{Port}";

    /// <summary>The server's <c>Auth:Oidc:*</c> settings for this provider.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Auth:Oidc:Enabled"] = "true",
        ["Auth:Oidc:DisplayName"] = "Plant SSO",
        ["Auth:Oidc:Authority"] = Issuer,
        ["Auth:Oidc:ClientId"] = ClientId,
        ["Auth:Oidc:ClientSecret"] = ClientSecret,
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        ["Auth:Oidc:Scopes:0"] = "openid",
        ["Auth:Oidc:Scopes:1"] = "profile",
        ["Auth:Oidc:Scopes:2"] = "groups",
    };

    /// <summary>Starts the provider for a server at <paramref name="serverUrl"/> (ending in /); returns once it accepts connections.</summary>
    public async Task StartAsync(string serverUrl, object accounts)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var start = new ProcessStartInfo("/usr/bin/node", ["provider.mjs", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ClientId, ClientSecret, serverUrl + "signin-oidc", serverUrl + "signout-callback-oidc"])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OIDC_ACCOUNTS"] = JsonSerializer.Serialize(accounts);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }
        };
        _process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the OIDC provider exited: " + string.Join('\n', output)));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Until.Guarded(listening.Task, "the OIDC provider listening");
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
    }
}
