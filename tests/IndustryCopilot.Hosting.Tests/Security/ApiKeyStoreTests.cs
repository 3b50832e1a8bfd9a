using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Hosting.Tests.Security;

public sealed class ApiKeyStoreTests
{
    [Fact]
    public void Add_Key_FoundByItsSecretWhichIsNotStored()
    {
        using var dir = new TempDirectory();
        string key;
        using (var store = new ApiKeyStore(dir.Path))
        {
            key = store.Add("mes-line3", ApiKeyRole.Reader, ["production", "quality", " "]).Key;
        }

        using var reopened = new ApiKeyStore(dir.Path);
        var found = reopened.Find(key);

        Assert.Equal("mes-line3", found!.Name);
        Assert.Equal(["production", "quality", "public"], found.VisibleGroups);
        Assert.StartsWith("icp_", key, StringComparison.Ordinal);
        var stored = string.Concat(Directory.GetFiles(dir.Path, "keys.db*").Select(f => File.ReadAllText(f, System.Text.Encoding.Latin1)));
        Assert.Contains("mes-line3", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], stored, StringComparison.Ordinal);
        Assert.Null(reopened.Find(key[..^1] + (key[^1] == '0' ? '1' : '0')));
    }

    [Fact]
    public void Revoke_Key_NoLongerFoundButListed()
    {
        using var dir = new TempDirectory();
        using var store = new ApiKeyStore(dir.Path);
        var (key, record) = store.Add("tablet-7", ApiKeyRole.Editor, []);

        Assert.True(store.Revoke(record.Id));

        Assert.Null(store.Find(key));
        Assert.NotNull(Assert.Single(store.List()).Revoked);
        Assert.False(store.Revoke("tablet-7"));
    }

    [Fact]
    public void Add_DuplicateName_Refused()
    {
        using var dir = new TempDirectory();
        using var store = new ApiKeyStore(dir.Path);
        store.Add("mes", ApiKeyRole.Reader, []);

        Assert.Throws<InvalidOperationException>(() => store.Add("mes", ApiKeyRole.Admin, []));
    }

    [Fact]
    public void Find_KeyUsed_LastUsedRecordedAtMostOnceAMinute()
    {
        using var dir = new TempDirectory();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        using var store = new ApiKeyStore(dir.Path, time);
        var key = store.Add("mes-line3", ApiKeyRole.Reader, []).Key;
        Assert.Null(store.Get("mes-line3")!.LastUsed);

        store.Find(key);
        var first = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(30));
        store.Find(key);
        Assert.Equal(first, store.Get("mes-line3")!.LastUsed);

        time.Advance(TimeSpan.FromSeconds(31));
        store.Find(key);
        Assert.Equal(time.GetUtcNow(), store.Get("mes-line3")!.LastUsed);
    }
}
