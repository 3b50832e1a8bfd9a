using System.Collections.Concurrent;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Counts failed sign-ins per user name and per client address; past <c>Auth:MaxFailuresPerUser</c> /
/// <c>MaxFailuresPerAddress</c> within <c>LockoutMinutes</c>, further attempts are refused without asking the
/// directory (which would otherwise lock the AD account itself, or let a password be guessed). Names are counted in
/// the form the directory compares them (<see cref="UserName.Canonical"/>), so look-alike spellings share one count.
/// </summary>
internal sealed class SignInThrottle(AuthOptions options, TimeProvider time)
{
    /// <summary>Past this many tracked names and addresses, entries without a recent failure are dropped.</summary>
    internal const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many names and addresses are tracked (for tests).</summary>
    internal int Tracked => _failures.Count;

    /// <summary>When a locked-out caller may try again, or null when it may try now.</summary>
    public DateTimeOffset? LockedUntil(string userName, string address)
    {
        var now = time.GetUtcNow();
        var user = Until("user:" + UserName.Canonical(userName), options.MaxFailuresPerUser, now);
        var client = Until("addr:" + address, options.MaxFailuresPerAddress, now);
        // Lifted comparison is false when either side is null, so pick the later of the two by hand.
        return user is null ? client : client is null || user > client ? user : client;
    }

    public void Failed(string userName, string address)
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
    }

    /// <summary>A successful sign-in clears the user's failures (not the address's: one right password must not reset a spray).</summary>
    public void Succeeded(string userName) => _failures.TryRemove("user:" + UserName.Canonical(userName), out _);

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
