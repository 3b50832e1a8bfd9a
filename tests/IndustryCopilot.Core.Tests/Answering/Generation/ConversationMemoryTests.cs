using IndustryCopilot.Core.Answering.Generation;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Core.Tests.Answering.Generation;

public sealed class ConversationMemoryTests
{
    [Fact]
    public void Add_MoreThanTurns_KeepsTheLatest()
    {
        var memory = new ConversationMemory(new GenerationOptions { ConversationTurns = 2 });

        memory.Add("u1", new ConversationTurn("q1", "a1"));
        memory.Add("u1", new ConversationTurn("q2", "a2"));
        memory.Add("u1", new ConversationTurn("q3", "a3"));

        Assert.Equal(["q2", "q3"], memory.History("u1").Select(t => t.Question));
        Assert.Empty(memory.History("u2"));
    }

    [Fact]
    public void History_AfterIdleTime_Forgotten()
    {
        var time = new FakeTimeProvider();
        var memory = new ConversationMemory(new GenerationOptions { ConversationIdleMinutes = 30 }, time);
        memory.Add("u1", new ConversationTurn("q1", "a1"));

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(memory.History("u1"));
        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Empty(memory.History("u1"));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void Add_BeyondMaxConversations_LeastRecentlyUsedGoes()
    {
        var time = new FakeTimeProvider();
        var memory = new ConversationMemory(new GenerationOptions { MaxConversations = 2 }, time);

        memory.Add("old", new ConversationTurn("q", "a"));
        time.Advance(TimeSpan.FromSeconds(1));
        memory.Add("mid", new ConversationTurn("q", "a"));
        time.Advance(TimeSpan.FromSeconds(1));
        memory.Add("new", new ConversationTurn("q", "a"));

        Assert.Empty(memory.History("old"));
        Assert.Single(memory.History("mid"));
        Assert.Single(memory.History("new"));
    }
}
