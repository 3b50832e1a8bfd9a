using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>A chat model whose replies the test writes; records every call (messages and options) it receives.</summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, string> reply) : IChatClient
{
    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = new();

    /// <summary>Raised after a call has been recorded in <see cref="Calls"/> (before it waits for <see cref="Gate"/>).</summary>
    public event Action? Called;

    /// <summary>When set, each call waits for it before replying (to hold a generation slot).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>
    /// When true, a call waiting for <see cref="Gate"/> does not give up when cancelled (a native decode that cannot be
    /// interrupted): the slot stays held until the gate opens.
    /// </summary>
    public bool HoldsThroughCancellation { get; set; }

    /// <summary>When set, thrown instead of replying (a model or server failure).</summary>
    public Exception? Failure { get; set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = await Reply(messages, options, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var text = await Reply(messages, options, cancellationToken);
        for (var i = 0; i < text.Length; i += 4)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(4, text.Length - i)));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    /// <summary>Completes once <paramref name="count"/> calls have arrived.</summary>
    public Task CallsArrived(int count) =>
        IndustryCopilot.Core.Tests.Fixtures.Until.Signalled(() => Calls.Count >= count, h => Called += h, h => Called -= h, $"{count} model call(s)");

    public void Dispose()
    {
    }

    private async Task<string> Reply(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var list = messages.ToList();
        Calls.Enqueue((list, options));
        Called?.Invoke();
        if (Gate is { } gate)
        {
            await (HoldsThroughCancellation ? gate.Task : gate.Task.WaitAsync(cancellationToken));
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return reply(list);
    }
}
