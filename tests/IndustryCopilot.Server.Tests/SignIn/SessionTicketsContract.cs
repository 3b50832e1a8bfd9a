using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Security;
using IndustryCopilot.Server.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>
/// What every store of people's sessions must do, run against each (<see cref="SqliteSessionTicketsTests"/>,
/// <see cref="PostgresSessionTicketsTests"/>): a session kept by one opening of the store is read, renewed and ended
/// through another (another server of the group, or the same server after a restart).
/// </summary>
public abstract class SessionTicketsContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    /// <summary>One key ring for every opening, as the group's shared ring (tested on its own in the key ring contract).</summary>
    protected IDataProtectionProvider Protection { get; } = new EphemeralDataProtectionProvider();

    /// <summary>Why this store cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>The store over this test's storage; every call is another server (or a restart).</summary>
    internal abstract Task<ISessionTickets> OpenAsync();

    [SkippableFact]
    public async Task RetrieveAsync_KeptByAnotherOpening_SamePersonAndGroups()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var a = await OpenAsync();
        var b = await OpenAsync();

        var id = await a.StoreAsync(Ticket("ldap:liwei", "Li Wei", ["quality"], hours: 8));
        var read = await b.RetrieveAsync(id);

        Assert.Equal(64, id.Length);
        Assert.NotNull(read);
        Assert.Equal(("ldap:liwei", "Li Wei"), read.Principal.Key());
        Assert.Equal(["quality"], read.Principal.Groups());
    }

    [SkippableFact]
    public async Task RemoveAsync_OnOneOpening_GoneOnTheOtherAndNotBroughtBackByARenewal()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var a = await OpenAsync();
        var b = await OpenAsync();
        var ticket = Ticket("ldap:liwei", "Li Wei", ["quality"], hours: 8);
        var id = await a.StoreAsync(ticket);

        await b.RemoveAsync(id);
        // A request that raced the sign-out renews the session it had read: it must stay ended.
        await a.RenewAsync(id, ticket);

        Assert.Null(await a.RetrieveAsync(id));
        Assert.Null(await b.RetrieveAsync(id));
    }

    [SkippableFact]
    public async Task EndAllAsync_OnePerson_EveryCopyOfTheirsEndedOthersKept()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var a = await OpenAsync();
        var b = await OpenAsync();
        var desk = await a.StoreAsync(Ticket("ldap:liwei", "Li Wei", ["quality"], hours: 8));
        var phone = await b.StoreAsync(Ticket("ldap:liwei", "Li Wei", ["quality"], hours: 8));
        var other = await a.StoreAsync(Ticket("ldap:zhang", "Zhang Min", ["production"], hours: 8));

        var ended = await b.EndAllAsync("ldap:liwei");

        Assert.Equal(2, ended);
        Assert.Null(await a.RetrieveAsync(desk));
        Assert.Null(await a.RetrieveAsync(phone));
        Assert.NotNull(await a.RetrieveAsync(other));
    }

    [SkippableFact]
    public async Task ListAsync_LiveSessionsNewestFirst_ExpiredOnesNeitherListedNorRead()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var a = await OpenAsync();
        var b = await OpenAsync();
        var shortOne = await a.StoreAsync(Ticket("ldap:zhang", "Zhang Min", ["production"], hours: 1));
        Time.Advance(TimeSpan.FromMinutes(5));
        await b.StoreAsync(Ticket("ldap:liwei", "Li Wei", ["quality", "public"], hours: 8));

        var both = await a.ListAsync();
        Time.Advance(TimeSpan.FromHours(1));
        var later = await b.ListAsync();

        Assert.Equal(["ldap:liwei", "ldap:zhang"], both.Select(s => s.Subject));
        Assert.Equal(["quality", "public"], both[0].Groups);
        Assert.Equal(Time.GetUtcNow().AddHours(-1).AddMinutes(-5), both[1].Created);
        Assert.Equal(["ldap:liwei"], later.Select(s => s.Subject));
        Assert.Null(await b.RetrieveAsync(shortOne));
    }

    private AuthenticationTicket Ticket(string subject, string name, string[] groups, int hours) =>
        new(Caller.Principal(subject, name, ApiKeyRole.Reader, groups, scheme: PersonSession.Scheme), new AuthenticationProperties { ExpiresUtc = Time.GetUtcNow().AddHours(hours) }, PersonSession.Scheme);
}
