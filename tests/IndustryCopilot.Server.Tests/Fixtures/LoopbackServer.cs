using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>One request a <see cref="LoopbackServer"/> received.</summary>
public sealed record LoopbackRequest(string Method, string PathAndQuery, string Body, string? Authorization, string? ContentType);

/// <summary>
/// An HTTP server on a free loopback port standing in for a remote API (WeCom, the Bot Framework connector, an
/// identity provider): answers with what the test says and records every request.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<LoopbackRequest, (int Status, string ContentType, string Body)> _respond;
    private readonly Task _loop;

    public LoopbackServer(Func<LoopbackRequest, (int Status, string ContentType, string Body)> respond)
    {
        _respond = respond;
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Raised after a request has been recorded in <see cref="Requests"/>.</summary>
    public event Action? Arrived;

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived.</summary>
    public async Task<LoopbackRequest> WaitForAsync(Func<LoopbackRequest, bool> match)
    {
        try
        {
            await Until.Signalled(() => Requests.Any(match), h => Arrived += h, h => Arrived -= h, "the expected request");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException(e.Message + "; got: " + string.Join(", ", Requests.Select(r => r.Method + " " + r.PathAndQuery)));
        }

        return Requests.First(match);
    }

    public void Dispose()
    {
        // Close alone: on Linux, Stop and then Close each unregister the prefix, and the second one binds the port
        // again to do so, which fails when another test has since taken that port ("Address already in use").
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Closed under a pending GetContext.
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new LoopbackRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, await reader.ReadToEndAsync(), context.Request.Headers["Authorization"], context.Request.ContentType);
            Requests.Enqueue(request);
            Arrived?.Invoke();
            var (status, type, body) = _respond(request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = type;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
