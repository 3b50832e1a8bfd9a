using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on loopback (what vLLM or llama.cpp's server expose), answering
/// every request with a fixed text, streamed as server-sent events when asked; records the request bodies.
/// </summary>
internal sealed class FakeOpenAIServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _reply;
    private readonly Task _loop;

    public FakeOpenAIServer(string reply)
    {
        _reply = reply;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<(string Path, JsonDocument Body, string? Authorization)> Requests { get; } = new();

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
            // The listener was closed under a pending GetContext.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
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
            var body = JsonDocument.Parse(await reader.ReadToEndAsync());
            Requests.Enqueue((context.Request.Url!.AbsolutePath, body, context.Request.Headers["Authorization"]));
            var stream = body.RootElement.TryGetProperty("stream", out var s) && s.GetBoolean();
            var created = 1_764_000_000;
            string payload;
            if (stream)
            {
                context.Response.ContentType = "text/event-stream";
                var events = new StringBuilder();
                for (var i = 0; i < _reply.Length; i += 5)
                {
                    var piece = _reply.Substring(i, Math.Min(5, _reply.Length - i));
                    var chunk = new { id = "c1", @object = "chat.completion.chunk", created, model = "qwen", choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } } };
                    events.Append("data: ").Append(JsonSerializer.Serialize(chunk)).Append("\n\n");
                }

                var done = new { id = "c1", @object = "chat.completion.chunk", created, model = "qwen", choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } };
                events.Append("data: ").Append(JsonSerializer.Serialize(done)).Append("\n\ndata: [DONE]\n\n");
                payload = events.ToString();
            }
            else
            {
                context.Response.ContentType = "application/json";
                payload = JsonSerializer.Serialize(new
                {
                    id = "c1", @object = "chat.completion", created, model = "qwen",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = _reply }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
                });
            }

            var bytes = Encoding.UTF8.GetBytes(payload);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
