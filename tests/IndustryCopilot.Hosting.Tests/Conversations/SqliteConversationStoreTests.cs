using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Conversations;

namespace IndustryCopilot.Hosting.Tests.Conversations;

/// <summary>The conversation contract over <c>conversations.db</c> in a data directory.</summary>
public sealed class SqliteConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly TempDirectory _data = new();

    protected override string? Unavailable => null;

    public void Dispose() => _data.Dispose();

    protected override Task<IConversationStore> OpenAsync() => Task.FromResult<IConversationStore>(new SqliteConversationStore(_data.Path));
}
