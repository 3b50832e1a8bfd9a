using IndustryCopilot.Server.SignIn;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Server.Tests.SignIn;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly AuthOptions _options = new() { MaxFailuresPerUser = 3, MaxFailuresPerAddress = 5, LockoutMinutes = 10 };

    [Fact]
    public void LockedUntil_FailuresForOneName_LocksThatNameOnly()
    {
        var throttle = new SignInThrottle(_options, _time);
        for (var i = 0; i < 3; i++)
        {
            throttle.Failed("liwei", "10.0.0." + i);
        }

        Assert.Equal(_time.GetUtcNow().AddMinutes(10), throttle.LockedUntil("LiWei", "10.0.0.9"));
        Assert.Null(throttle.LockedUntil("zhang", "10.0.0.9"));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(throttle.LockedUntil("liwei", "10.0.0.9"));
    }

    [Theory]
    [InlineData("ｚｈａｎｇ")] // full-width, as OpenLDAP folds it
    [InlineData("ZHANG")]
    [InlineData(" zh\u200Bang ")] // an invisible zero-width space, and blanks
    [InlineData("Ｚhang")]
    public void LockedUntil_LookAlikeSpellingOfALockedName_AlsoLocked(string lookAlike)
    {
        var throttle = new SignInThrottle(_options, _time);
        for (var i = 0; i < 3; i++)
        {
            throttle.Failed("zhang", "10.0.0." + i);
        }

        Assert.NotNull(throttle.LockedUntil(lookAlike, "10.0.0.9"));
        throttle.Succeeded(lookAlike);
        Assert.Null(throttle.LockedUntil("zhang", "10.0.0.9"));
    }

    [Theory]
    [InlineData("ｚｈａｎｇ", "zhang")]
    [InlineData("  li  wei ", "li wei")]
    [InlineData("li\u200Dwei", "liwei")]
    [InlineData("Zhang", "Zhang")]
    public void ForLookup_TypedName_TheFormTheDirectoryCompares(string typed, string expected) =>
        Assert.Equal(expected, UserName.ForLookup(typed));

    [Fact]
    public void LockedUntil_SprayFromOneAddress_LocksTheAddressEvenAfterASuccess()
    {
        var throttle = new SignInThrottle(_options, _time);
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed("user" + i, "10.0.0.7");
        }

        throttle.Succeeded("user0");

        Assert.NotNull(throttle.LockedUntil("someone-else", "10.0.0.7"));
        Assert.Null(throttle.LockedUntil("someone-else", "10.0.0.8"));
    }

    [Fact]
    public void Succeeded_ClearsTheNamesFailures()
    {
        var throttle = new SignInThrottle(_options, _time);
        throttle.Failed("liwei", "a");
        throttle.Failed("liwei", "b");
        throttle.Succeeded("liwei");
        throttle.Failed("liwei", "c");

        Assert.Null(throttle.LockedUntil("liwei", "d"));
    }

    [Fact]
    public void Failed_SprayOfNamesBeyondTheLimit_ExpiredEntriesForgotten()
    {
        var throttle = new SignInThrottle(_options, _time);
        for (var i = 0; i < SignInThrottle.PruneAbove; i++)
        {
            throttle.Failed("name" + i, "10.0.0.1");
        }

        _time.Advance(TimeSpan.FromMinutes(11));
        throttle.Failed("late", "10.0.0.2");

        Assert.Equal(2, throttle.Tracked);
        Assert.Null(throttle.LockedUntil("name1", "10.0.0.1"));
    }
}
