using System.Runtime.CompilerServices;
using IndustryCopilot.Core.Tests.Fixtures;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>
/// A real model behind a gate: each call is counted on arrival, then waits for <see cref="Gate"/> before the model
/// runs, so a test can hold requests in their generation slots for as long as it needs, whatever the machine's speed.
/// </summary>
internal sealed class HeldChatClient(IChatClient model) : DelegatingChatClient(model)
{
    private int _calls;
    private int _inFlight;
    private int _peak;

    public event Action? Called;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The most calls that were inside this client at one time.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public Task CallsArrived(int count) =>
        Until.Signalled(() => Volatile.Read(ref _calls) >= count, h => Called += h, h => Called -= h, $"{count} model call(s)");

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            await Gate.Task.WaitAsync(cancellationToken);
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            await Gate.Task.WaitAsync(cancellationToken);
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peak); now > peak; peak = Volatile.Read(ref _peak))
        {
            if (Interlocked.CompareExchange(ref _peak, now, peak) == peak)
            {
                break;
            }
        }

        Interlocked.Increment(ref _calls);
        Called?.Invoke();
    }
}
