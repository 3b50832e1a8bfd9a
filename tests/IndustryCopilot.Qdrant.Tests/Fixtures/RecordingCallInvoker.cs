using Grpc.Core;
using Google.Protobuf;

namespace IndustryCopilot.Qdrant.Tests.Fixtures;

/// <summary>
/// Stands in for Qdrant at the gRPC boundary: records every request (method name and message) and answers from
/// handlers by method name (e.g. <c>/qdrant.Points/Query</c>), or with an empty response. No Qdrant server runs here,
/// so the tests check what we send against Qdrant's documented API, not what Qdrant does with it.
/// </summary>
internal sealed class RecordingCallInvoker : CallInvoker
{
    private readonly Dictionary<string, Func<IMessage, IMessage>> _handlers = new(StringComparer.Ordinal);
    private readonly List<(string Method, IMessage Request)> _calls = [];
    private readonly Lock _lock = new();

    /// <summary>Raised after a call has been recorded (on the caller's thread, before it is answered).</summary>
    public event Action? Called;

    /// <summary>Every call so far (a copy: background workers may be calling while a test reads).</summary>
    public List<(string Method, IMessage Request)> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Answers <paramref name="method"/> (<c>Points/Query</c>, <c>Collections/ListAliases</c>…) with <paramref name="handler"/>.</summary>
    public RecordingCallInvoker On(string method, Func<IMessage, IMessage> handler)
    {
        lock (_lock)
        {
            _handlers["/qdrant." + method] = handler;
        }

        return this;
    }

    public IEnumerable<T> Requests<T>(string method) where T : IMessage =>
        Calls.Where(c => c.Method == "/qdrant." + method).Select(c => (T)c.Request);

    public IEnumerable<string> Methods => Calls.Select(c => c.Method["/qdrant.".Length..]);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Func<IMessage, IMessage>? handler;
        lock (_lock)
        {
            _calls.Add((method.FullName, (IMessage)request));
            handler = _handlers.GetValueOrDefault(method.FullName);
        }

        Called?.Invoke();

        TResponse response;
        try
        {
            response = handler is not null ? (TResponse)handler((IMessage)request) : Activator.CreateInstance<TResponse>();
        }
        catch (RpcException e)
        {
            return new AsyncUnaryCall<TResponse>(Task.FromException<TResponse>(e), Task.FromResult(new Metadata()), () => e.Status, () => [], () => { });
        }

        return new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException(method.FullName);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException(method.FullName);

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException(method.FullName);
}
