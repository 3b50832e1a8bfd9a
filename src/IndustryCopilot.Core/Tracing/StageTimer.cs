using System.Diagnostics;

namespace IndustryCopilot.Core.Tracing;

/// <summary>
/// Times the stages of one operation that run one after another: each <see cref="Lap"/> closes the stage that began at
/// the previous lap, adds its milliseconds to <see cref="Timings"/> (what responses and benchmarks show) and reports it
/// as a child span of the operation's span, with the stage's real start and end.
/// </summary>
public sealed class StageTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Activity? _operation;
    private long _lapStarted;
    private DateTimeOffset _lapStartedAt;

    public StageTimer(string operation, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _operation = CopilotTracing.Source.StartActivity(operation);
        _lapStarted = _time.GetTimestamp();
        _lapStartedAt = _time.GetUtcNow();
    }

    /// <summary>Milliseconds per stage (a stage timed twice adds up), plus whatever the caller records beside them.</summary>
    public Dictionary<string, double> Timings { get; } = [];

    /// <summary>The operation's span, for tags; null when nothing listens.</summary>
    public Activity? Operation => _operation;

    /// <summary>Ends the stage <paramref name="stage"/> now; returns its milliseconds.</summary>
    public double Lap(string stage)
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lapStarted, now);
        Timings[stage] = Timings.GetValueOrDefault(stage) + elapsed.TotalMilliseconds;
        if (CopilotTracing.Source.HasListeners())
        {
            using var span = CopilotTracing.Source.StartActivity(stage, ActivityKind.Internal, _operation?.Context ?? default, startTime: _lapStartedAt);
            span?.SetEndTime((_lapStartedAt + elapsed).UtcDateTime);
        }

        _lapStarted = now;
        _lapStartedAt += elapsed;
        return elapsed.TotalMilliseconds;
    }

    public void Dispose() => _operation?.Dispose();
}
