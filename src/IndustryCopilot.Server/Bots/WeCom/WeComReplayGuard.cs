namespace IndustryCopilot.Server.Bots.WeCom;

/// <summary>The WeCom callback's replay guard: a signed nonce is accepted once within the timestamp window.</summary>
internal sealed class WeComReplayGuard(WeComOptions options, TimeProvider time)
{
    public ReplayGuard Guard { get; } = new(time, TimeSpan.FromSeconds(options.TimestampWindowSeconds));
}
