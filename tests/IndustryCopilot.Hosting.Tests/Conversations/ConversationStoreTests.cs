using IndustryCopilot.Hosting.Conversations;

namespace IndustryCopilot.Hosting.Tests.Conversations;

public sealed class ConversationStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("icp-conversations-").FullName;

    [Fact]
    public void History_AfterReopening_ContinuesInOrder()
    {
        using (var store = new ConversationStore(_folder))
        {
            store.Append("ldap:liwei", "c1", "What is the oil interval of AC-37?", "Every 4,000 h [1].", "{}");
            store.Append("ldap:liwei", "c1", "And the filter?", "Every 2,000 h [1].", "{}");
        }

        using var reopened = new ConversationStore(_folder);
        var history = reopened.History("ldap:liwei", "c1");

        Assert.Equal(["What is the oil interval of AC-37?", "And the filter?"], history.Select(t => t.Question));
        Assert.Equal("Every 2,000 h [1].", history[^1].Answer);
    }

    [Fact]
    public void GetRenameDelete_OtherOwner_SeesAndChangesNothing()
    {
        using var store = new ConversationStore(_folder);
        store.Append("ldap:liwei", "c1", "  What   is\nthe torque of M12?  ", "82 N·m", """{"answer":"82 N·m"}""");

        Assert.Null(store.Get("ldap:zhang", "c1"));
        Assert.Empty(store.List("ldap:zhang"));
        Assert.Empty(store.History("ldap:zhang", "c1"));
        Assert.False(store.Rename("ldap:zhang", "c1", "mine now"));
        Assert.False(store.Delete("ldap:zhang", "c1"));

        var own = store.Get("ldap:liwei", "c1");
        Assert.Equal("What is the torque of M12?", own?.Summary.Title);
        Assert.True(store.Rename("ldap:liwei", "c1", "M12 torque"));
        Assert.Equal("M12 torque", Assert.Single(store.List("ldap:liwei")).Title);
        Assert.True(store.Delete("ldap:liwei", "c1"));
        Assert.Null(store.Get("ldap:liwei", "c1"));
    }

    [Fact]
    public void History_LongConversation_LastTurnsOnly()
    {
        using var store = new ConversationStore(_folder);
        for (var i = 1; i <= 10; i++)
        {
            store.Append("key:1", "c", "q" + i, "a" + i, "{}");
        }

        Assert.Equal(["q5", "q6", "q7", "q8", "q9", "q10"], store.History("key:1", "c").Select(t => t.Question));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
