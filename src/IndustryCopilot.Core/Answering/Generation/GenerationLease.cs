namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>A running slot of the <see cref="GenerationScheduler"/>; disposing it frees the slot (once).</summary>
public sealed class GenerationLease : IDisposable
{
    private readonly Action<TimeSpan> _release;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _deadline;
    private readonly long _started;
    private readonly TimeProvider _time;
    private int _released;

    internal GenerationLease(Action<TimeSpan> release, CancellationTokenSource timeout, CancellationTokenSource deadline, TimeProvider time)
    {
        _release = release;
        _timeout = timeout;
        _deadline = deadline;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Cancelled when the caller cancels or the request's time is up.</summary>
    public CancellationToken Token => _timeout.Token;

    /// <summary>True once the request's time limit has passed (as opposed to the caller cancelling).</summary>
    public bool TimedOut => _deadline.IsCancellationRequested;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release(_time.GetElapsedTime(_started));
            _timeout.Dispose();
            _deadline.Dispose();
        }
    }
}
