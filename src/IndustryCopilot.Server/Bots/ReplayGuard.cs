namespace IndustryCopilot.Server.Bots;

/// <summary>
/// Remembers signed callbacks for as long as their timestamp is acceptable, so the same signed request cannot be
/// played again. Entries older than the window are dropped as new ones arrive.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time, TimeSpan window)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>True the first time <paramref name="key"/> is seen within the window; false for a replay.</summary>
    public bool FirstTime(string key)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_seen.Count > 1024)
            {
                foreach (var old in _seen.Where(e => now - e.Value > window * 2).Select(e => e.Key).ToList())
                {
                    _seen.Remove(old);
                }
            }

            return _seen.TryAdd(key, now);
        }
    }
}
