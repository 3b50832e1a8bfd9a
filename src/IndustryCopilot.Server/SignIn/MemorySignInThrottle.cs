using System.Collections.Concurrent;

namespace IndustryCopilot.Server.SignIn;

/// <summary>Sign-in failures counted in this server's memory (one server); see <see cref="ISignInThrottle"/>.</summary>
internal sealed class MemorySignInThrottle(AuthOptions options, TimeProvider time) : ISignInThrottle
{
    /// <summary>Past this many tracked names and addresses, entries without a recent failure are dropped.</summary>
    internal const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many names and addresses are tracked (for tests).</summary>
    internal int Tracked => _failures.Count;

    public Task<DateTimeOffset?> LockedUntilAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var user = Until("user:" + UserName.Canonical(userName), options.MaxFailuresPerUser, now);
        var client = Until("addr:" + address, options.MaxFailuresPerAddress, now);
        return Task.FromResult(LockoutWindow.Later(user, client));
    }

    public Task FailedAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var key in new[] { "user:" + UserName.Canonical(userName), "addr:" + address })
        {
            _failures.AddOrUpdate(key, _ => new Failures(now), (_, f) => f.Add(now, Window));
        }

        // A spray of made-up user names must not grow memory without bound: forget entries whose failures have expired.
        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, failures) in _failures)
            {
                if (failures.Since(now - Window).Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task SucceededAsync(string userName, CancellationToken cancellationToken = default)
    {
        _failures.TryRemove("user:" + UserName.Canonical(userName), out _);
        return Task.CompletedTask;
    }

    private TimeSpan Window => TimeSpan.FromMinutes(options.LockoutMinutes);

    private DateTimeOffset? Until(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        var recent = failures.Since(now - Window);
        return recent.Count >= limit ? recent[^limit] + Window : null;
    }

    private sealed class Failures(DateTimeOffset first)
    {
        private readonly Lock _lock = new();
        private readonly List<DateTimeOffset> _times = [first];

        public Failures Add(DateTimeOffset at, TimeSpan window)
        {
            lock (_lock)
            {
                _times.RemoveAll(t => t <= at - window);
                _times.Add(at);
            }

            return this;
        }

        public List<DateTimeOffset> Since(DateTimeOffset from)
        {
            lock (_lock)
            {
                return [.. _times.Where(t => t > from)];
            }
        }
    }
}
