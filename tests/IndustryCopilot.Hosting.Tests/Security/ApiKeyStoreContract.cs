using IndustryCopilot.Hosting.Security;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Hosting.Tests.Security;

/// <summary>
/// What every key store must do, run against each provider (<see cref="SqliteApiKeyStoreTests"/>,
/// <see cref="PostgresApiKeyStoreTests"/>). "Another instance" is a second store over the same storage: another
/// server process on the same data directory, or another replica on the same database.
/// </summary>
public abstract class ApiKeyStoreContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Why this provider cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>A store over this test's storage; every call opens another instance over the same storage.</summary>
    protected abstract Task<IApiKeyStore> OpenAsync();

    /// <summary>Everything the storage holds, as text (what a stolen copy would reveal).</summary>
    protected abstract Task<string> StoredTextAsync();

    [SkippableFact]
    public async Task AddAsync_Key_FoundByItsSecretWhichIsNotStored()
    {
        Skip.If(Unavailable is not null, Unavailable);
        string key;
        using (var store = await OpenAsync())
        {
            key = (await store.AddAsync("mes-line3", ApiKeyRole.Reader, ["production", "quality", " "])).Key;
        }

        using var reopened = await OpenAsync();
        var found = await reopened.FindAsync(key);

        Assert.Equal("mes-line3", found!.Name);
        Assert.Equal(["production", "quality", "public"], found.VisibleGroups);
        Assert.StartsWith("icp_", key, StringComparison.Ordinal);
        var stored = await StoredTextAsync();
        Assert.Contains("mes-line3", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], stored, StringComparison.Ordinal);
        Assert.Null(await reopened.FindAsync(key[..^1] + (key[^1] == '0' ? '1' : '0')));
        Assert.Null(await reopened.FindAsync("icp_short"));
    }

    [SkippableFact]
    public async Task RevokeAsync_Key_NoLongerFoundButListed()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var store = await OpenAsync();
        var (key, record) = await store.AddAsync("tablet-7", ApiKeyRole.Editor, []);

        Assert.True(await store.RevokeAsync(record.Id));

        Assert.Null(await store.FindAsync(key));
        Assert.NotNull(Assert.Single(await store.ListAsync()).Revoked);
        Assert.False(await store.RevokeAsync("tablet-7"));
    }

    [SkippableFact]
    public async Task AddAsync_DuplicateName_RefusedEvenAfterRevocation()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var store = await OpenAsync();
        await store.AddAsync("mes", ApiKeyRole.Reader, []);
        await store.RevokeAsync("mes");

        await Assert.ThrowsAsync<DuplicateKeyNameException>(() => store.AddAsync("mes", ApiKeyRole.Admin, []));
    }

    [SkippableFact]
    public async Task AddAsync_BadRequest_RefusedBeforeAnythingIsStored()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync("x", ApiKeyRole.Reader, ["Not A Group!"]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync("y", ApiKeyRole.Reader, [], allGroups: true));

        Assert.Empty(await store.ListAsync());
    }

    [SkippableFact]
    public async Task FindAsync_KeyUsed_LastUsedRecordedAtMostOnceAMinute()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var store = await OpenAsync();
        var key = (await store.AddAsync("mes-line3", ApiKeyRole.Reader, [])).Key;
        Assert.Null((await store.GetAsync("mes-line3"))!.LastUsed);

        await store.FindAsync(key);
        var first = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromSeconds(30));
        await store.FindAsync(key);
        Assert.Equal(first, (await store.GetAsync("mes-line3"))!.LastUsed);

        Time.Advance(TimeSpan.FromSeconds(31));
        await store.FindAsync(key);
        Assert.Equal(Time.GetUtcNow(), (await store.GetAsync("mes-line3"))!.LastUsed);
    }

    [SkippableFact]
    public async Task FindAsync_KeyMadeAndRevokedOnAnotherInstance_InForceAndThenRefusedAtOnce()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var a = await OpenAsync();
        using var b = await OpenAsync();

        var (key, _) = await a.AddAsync("mes-line5", ApiKeyRole.Reader, ["production"]);
        Assert.Equal("mes-line5", (await b.FindAsync(key))?.Name);

        Assert.True(await b.RevokeAsync("mes-line5"));
        Assert.Null(await a.FindAsync(key));
        Assert.NotNull((await a.GetAsync("mes-line5"))?.Revoked);
    }
}
