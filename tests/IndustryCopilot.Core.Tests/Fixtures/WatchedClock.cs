using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>
/// A fake clock that also tells when the code under test has set a timer, so a test advances time only after the
/// deadline it wants to trip exists (advancing earlier would leave the deadline in the future of the new time).
/// </summary>
internal sealed class WatchedClock : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private int _timers;

    public event Action? TimerCreated;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        TimerCreated?.Invoke();
        return timer;
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Completes once <paramref name="count"/> timers have been created.</summary>
    public Task TimersCreated(int count) =>
        Until.Signalled(() => Volatile.Read(ref _timers) >= count, h => TimerCreated += h, h => TimerCreated -= h, $"{count} timer(s) set");
}
