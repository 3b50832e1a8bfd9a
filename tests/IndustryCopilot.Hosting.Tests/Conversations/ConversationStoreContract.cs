using IndustryCopilot.Hosting.Conversations;

namespace IndustryCopilot.Hosting.Tests.Conversations;

/// <summary>
/// What every conversation store must do, run against each provider (<see cref="SqliteConversationStoreTests"/>,
/// <see cref="PostgresConversationStoreTests"/>). "Another instance" is another store over the same storage: the
/// server after a restart, or another replica.
/// </summary>
public abstract class ConversationStoreContract
{
    /// <summary>Why this provider cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>A store over this test's storage; every call opens another instance over the same storage.</summary>
    protected abstract Task<IConversationStore> OpenAsync();

    [SkippableFact]
    public async Task HistoryAsync_KeptByAnotherInstance_ContinuesInOrder()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using (var store = await OpenAsync())
        {
            await store.AppendAsync("ldap:liwei", "c1", "What is the oil interval of AC-37?", "Every 4,000 h [1].", "{}");
            await store.AppendAsync("ldap:liwei", "c1", "And the filter?", "Every 2,000 h [1].", "{}");
        }

        using var other = await OpenAsync();
        var history = await other.HistoryAsync("ldap:liwei", "c1");

        Assert.Equal(["What is the oil interval of AC-37?", "And the filter?"], history.Select(t => t.Question));
        Assert.Equal("Every 2,000 h [1].", history[^1].Answer);
    }

    [SkippableFact]
    public async Task GetRenameDelete_OtherOwner_SeesAndChangesNothing()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var store = await OpenAsync();
        await store.AppendAsync("ldap:liwei", "c1", "  What   is\nthe torque of M12?  ", "82 N·m", """{"answer":"82 N·m"}""");

        Assert.Null(await store.GetAsync("ldap:zhang", "c1"));
        Assert.Empty(await store.ListAsync("ldap:zhang"));
        Assert.Empty(await store.HistoryAsync("ldap:zhang", "c1"));
        Assert.False(await store.RenameAsync("ldap:zhang", "c1", "mine now"));
        Assert.False(await store.DeleteAsync("ldap:zhang", "c1"));

        var own = await store.GetAsync("ldap:liwei", "c1");
        Assert.Equal("What is the torque of M12?", own?.Summary.Title);
        Assert.Equal("""{"answer":"82 N·m"}""", Assert.Single(own!.Turns).Response);
        Assert.True(await store.RenameAsync("ldap:liwei", "c1", "M12 torque"));
        Assert.Equal("M12 torque", Assert.Single(await store.ListAsync("ldap:liwei")).Title);
        Assert.True(await store.DeleteAsync("ldap:liwei", "c1"));
        Assert.Null(await store.GetAsync("ldap:liwei", "c1"));
        Assert.Empty(await store.HistoryAsync("ldap:liwei", "c1"));
    }

    [SkippableFact]
    public async Task HistoryAsync_LongConversation_LastTurnsOnlyAndRefusedOnesLeftOut()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var store = await OpenAsync();
        for (var i = 1; i <= 10; i++)
        {
            await store.AppendAsync("key:1", "c", "q" + i, "a" + i, i == 9 ? "withheld" : "{}");
        }

        Assert.Equal(["q5", "q6", "q7", "q8", "q9", "q10"], (await store.HistoryAsync("key:1", "c")).Select(t => t.Question));
        Assert.Equal(["q5", "q6", "q7", "q8", "q10"], (await store.HistoryAsync("key:1", "c", r => r != "withheld")).Select(t => t.Question));
    }

    [SkippableFact]
    public async Task AppendAsync_TwoInstancesAtOnce_BothTurnsKept()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var a = await OpenAsync();
        using var b = await OpenAsync();

        await Task.WhenAll(
            Task.Run(() => a.AppendAsync("key:1", "c", "from a", "x", "{}")),
            Task.Run(() => b.AppendAsync("key:1", "c", "from b", "y", "{}")));

        Assert.Equal(["from a", "from b"], (await a.HistoryAsync("key:1", "c")).Select(t => t.Question).Order(StringComparer.Ordinal));
    }
}
