using System.Text;
using IndustryCopilot.Server.Bots;

namespace IndustryCopilot.Server.Tests.Bots;

public sealed class BotFormatTests
{
    [Fact]
    public void Split_LongChineseAnswer_PartsWithinTheByteLimitAndNothingLost()
    {
        var text = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"第{i}步：检查主轴温度，确认冷却液流量正常，记录在点检表上。[1]")) + "\n" + new string('长', 3000) + "🔧";

        var parts = BotFormat.Split(text, 2048);

        Assert.True(parts.Count > 3);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 2048));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), string.Concat(parts).Replace("\n", "", StringComparison.Ordinal));
        Assert.StartsWith("第1步", parts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void GroupsOf_MappedUnmappedAndRefused_AlwaysWithPublicOrNull()
    {
        var open = new BotAccess { Users = { ["zhangsan"] = "production, quality" } };
        var closed = new BotAccess { Users = { ["zhangsan"] = "production" }, UnmappedUsers = UnmappedUsers.Refuse };

        Assert.Equal(["production", "quality", "public"], open.GroupsOf("zhangsan"));
        Assert.Equal(["public"], open.GroupsOf("stranger"));
        Assert.Null(closed.GroupsOf("stranger"));
        Assert.Equal(["production", "public"], closed.GroupsOf("zhangsan"));
    }
}
