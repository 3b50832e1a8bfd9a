using IndustryCopilot.Hosting.Llm;

namespace IndustryCopilot.Server.Composition;

/// <summary>The model the server answers with (null: quote mode), loaded once and disposed with the host.</summary>
internal sealed class ServedModel(ChatBackend? backend) : IDisposable
{
    public ChatBackend? Backend { get; } = backend;

    public void Dispose() => Backend?.Dispose();
}
