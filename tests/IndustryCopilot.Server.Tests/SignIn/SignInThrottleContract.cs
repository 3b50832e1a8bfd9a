using IndustryCopilot.Server.SignIn;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>
/// What every sign-in throttle must do, run against each (<see cref="MemorySignInThrottleTests"/>,
/// <see cref="PostgresSignInThrottleTests"/>).
/// </summary>
public abstract class SignInThrottleContract
{
    protected FakeTimeProvider Time { get; } = new();

    internal AuthOptions Options { get; } = new() { MaxFailuresPerUser = 3, MaxFailuresPerAddress = 5, LockoutMinutes = 10 };

    /// <summary>Why this throttle cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>A throttle over this test's storage; every call is another server of the same group.</summary>
    internal abstract Task<ISignInThrottle> OpenAsync();

    [SkippableFact]
    public async Task LockedUntilAsync_FailuresForOneName_LocksThatNameOnlyForTheWindow()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var throttle = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await throttle.FailedAsync("liwei", "10.0.0." + i);
        }

        Assert.Equal(Time.GetUtcNow().AddMinutes(10), await throttle.LockedUntilAsync("LiWei", "10.0.0.9"));
        Assert.Null(await throttle.LockedUntilAsync("zhang", "10.0.0.9"));
        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await throttle.LockedUntilAsync("liwei", "10.0.0.9"));
    }

    [SkippableTheory]
    [InlineData("ｚｈａｎｇ")] // full-width, as OpenLDAP folds it
    [InlineData("ZHANG")]
    [InlineData(" zh\u200Bang ")] // an invisible zero-width space, and blanks
    [InlineData("Ｚhang")]
    public async Task LockedUntilAsync_LookAlikeSpellingOfALockedName_AlsoLocked(string lookAlike)
    {
        Skip.If(Unavailable is not null, Unavailable);
        var throttle = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await throttle.FailedAsync("zhang", "10.0.0." + i);
        }

        Assert.NotNull(await throttle.LockedUntilAsync(lookAlike, "10.0.0.9"));
        await throttle.SucceededAsync(lookAlike);
        Assert.Null(await throttle.LockedUntilAsync("zhang", "10.0.0.9"));
    }

    [SkippableFact]
    public async Task LockedUntilAsync_SprayFromOneAddress_LocksTheAddressEvenAfterASuccess()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var throttle = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await throttle.FailedAsync("user" + i, "10.0.0.7");
        }

        await throttle.SucceededAsync("user0");

        Assert.NotNull(await throttle.LockedUntilAsync("someone-else", "10.0.0.7"));
        Assert.Null(await throttle.LockedUntilAsync("someone-else", "10.0.0.8"));
    }

    [SkippableFact]
    public async Task SucceededAsync_ClearsTheNamesFailures()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var throttle = await OpenAsync();
        await throttle.FailedAsync("liwei", "a");
        await throttle.FailedAsync("liwei", "b");
        await throttle.SucceededAsync("liwei");
        await throttle.FailedAsync("liwei", "c");

        Assert.Null(await throttle.LockedUntilAsync("liwei", "d"));
    }
}
