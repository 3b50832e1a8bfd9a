using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>A streaming chat model that writes its reply one word per <see cref="Step"/>, so a test can look at every intermediate state.</summary>
internal sealed partial class SteppedChatClient(Func<IReadOnlyList<ChatMessage>, string> reply) : IChatClient
{
    private readonly SemaphoreSlim _permits = new(0);

    /// <summary>Words written so far.</summary>
    public int Written { get; private set; }

    public event Action? Wrote;

    /// <summary>Lets the model write one more word.</summary>
    public void Step() => _permits.Release();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply([.. messages]))));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (Match word in Word().Matches(reply([.. messages])))
        {
            await _permits.WaitAsync(cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, word.Value);
            Written++;
            Wrote?.Invoke();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() => _permits.Dispose();

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Word();
}
