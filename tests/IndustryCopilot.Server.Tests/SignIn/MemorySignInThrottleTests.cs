using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>The throttle contract in one server's memory, and what only memory needs (a bound on what it tracks).</summary>
public sealed class MemorySignInThrottleTests : SignInThrottleContract
{
    protected override string? Unavailable => null;

    [Theory]
    [InlineData("ｚｈａｎｇ", "zhang")]
    [InlineData("  li  wei ", "li wei")]
    [InlineData("li\u200Dwei", "liwei")]
    [InlineData("Zhang", "Zhang")]
    public void ForLookup_TypedName_TheFormTheDirectoryCompares(string typed, string expected) =>
        Assert.Equal(expected, UserName.ForLookup(typed));

    [Fact]
    public async Task FailedAsync_SprayOfNamesBeyondTheLimit_ExpiredEntriesForgotten()
    {
        var throttle = new MemorySignInThrottle(Options, Time);
        for (var i = 0; i < MemorySignInThrottle.PruneAbove; i++)
        {
            await throttle.FailedAsync("name" + i, "10.0.0.1");
        }

        Time.Advance(TimeSpan.FromMinutes(11));
        await throttle.FailedAsync("late", "10.0.0.2");

        Assert.Equal(2, throttle.Tracked);
        Assert.Null(await throttle.LockedUntilAsync("name1", "10.0.0.1"));
    }

    internal override Task<ISignInThrottle> OpenAsync() => Task.FromResult<ISignInThrottle>(_throttle ??= new MemorySignInThrottle(Options, Time));

    // One server's memory: every "server" of this test is the same one.
    private MemorySignInThrottle? _throttle;
}
