using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// Admits generation requests: up to <see cref="GenerationOptions.MaxParallel"/> run, up to
/// <see cref="GenerationOptions.MaxQueue"/> wait, any more are turned away at once (the caller answers "busy", the
/// HTTP layer 429 with Retry-After). A request's time limit covers its wait and its generation; cancelling a waiting
/// or running request frees its place immediately.
/// </summary>
public sealed class GenerationScheduler : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly GenerationOptions _options;
    private readonly TimeProvider _time;
    private int _waiting;
    private int _running;
    private long _averageTicks;

    public GenerationScheduler(GenerationOptions options, TimeProvider? time = null)
    {
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        _slots = new SemaphoreSlim(options.MaxParallel, options.MaxParallel);
    }

    /// <summary>
    /// Raised after <see cref="Running"/> or <see cref="Waiting"/> changes (a request starts waiting, is admitted,
    /// leaves the queue or finishes). Handlers run on the thread that made the change and must be quick.
    /// </summary>
    public event Action? Changed;

    public int Running => Volatile.Read(ref _running);

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A guess of when a turned-away request could be admitted: recent generation time × queue ahead ÷ slots, 1–300 s.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            var average = TimeSpan.FromTicks(Interlocked.Read(ref _averageTicks));
            var seconds = average.TotalSeconds * (Waiting + 1) / _options.MaxParallel;
            return TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(seconds), 1, 300));
        }
    }

    /// <summary>
    /// A slot, or null when the queue is full. Throws <see cref="OperationCanceledException"/> when the caller cancels
    /// and <see cref="TimeoutException"/> when the request's time runs out while waiting.
    /// </summary>
    public async Task<GenerationLease?> EnterAsync(CancellationToken cancellationToken)
    {
        var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds), _time);
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (!_slots.Wait(0, CancellationToken.None))
            {
                if (Interlocked.Increment(ref _waiting) > _options.MaxQueue)
                {
                    Interlocked.Decrement(ref _waiting);
                    timeout.Dispose();
                    deadline.Dispose();
                    return null;
                }

                Changed?.Invoke();
                try
                {
                    await _slots.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                    Changed?.Invoke();
                }

                // The slot can be handed over in the same instant the deadline passes: a request admitted with no
                // time left would only fail later, so it counts as having waited too long.
                if (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    _slots.Release();
                    throw new OperationCanceledException(deadline.Token);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            timeout.Dispose();
            deadline.Dispose();
            throw new TimeoutException($"No generation slot within {_options.RequestTimeoutSeconds} s (Llm:RequestTimeoutSeconds)");
        }
        catch
        {
            timeout.Dispose();
            deadline.Dispose();
            throw;
        }

        Interlocked.Increment(ref _running);
        Changed?.Invoke();
        return new GenerationLease(Release, timeout, deadline, _time);
    }

    public void Dispose() => _slots.Dispose();

    private void Release(TimeSpan took)
    {
        // Exponential average of generation time, for Retry-After.
        var previous = Interlocked.Read(ref _averageTicks);
        Interlocked.Exchange(ref _averageTicks, previous == 0 ? took.Ticks : (long)((0.8 * previous) + (0.2 * took.Ticks)));
        Interlocked.Decrement(ref _running);
        // Raised before the slot is handed on, so observers see "one finished" before "a waiter was admitted".
        Changed?.Invoke();
        _slots.Release();
    }
}
