using IndustryCopilot.Server.Documents;

namespace IndustryCopilot.Server.Tests.Documents;

/// <summary>The upload queue contract over a single server's in-memory queue.</summary>
public sealed class MemoryUploadQueueTests : UploadQueueContract
{
    private readonly UploadQueue _queue = new();

    protected override string? Unavailable => null;

    internal override Task<IUploadQueue> OpenAsync() => Task.FromResult<IUploadQueue>(_queue);
}
