using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>
/// The benchmark's stand-in model, real at the protocol: it receives the orchestrator's prompt like any chat model
/// and replies with the case's text, after putting in each placeholder the number the prompt gave that passage
/// (<c>{{S:chunkId}}</c>) or another source's number (<c>{{O:chunkId}}</c>). It streams its reply word by word.
/// </summary>
public sealed partial class CannedModel(Func<string, string?> passageStart) : IChatClient
{
    /// <summary>The reply for the next call (set per case).</summary>
    public string Reply { get; set; } = "";

    /// <summary>Whether every passage the last reply named was in the prompt.</summary>
    public bool TargetsInPrompt { get; private set; }

    /// <summary>The last prompt's user message (sources and question).</summary>
    public string LastPrompt { get; private set; } = "";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Resolve(messages))));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (Match word in Word().Matches(Resolve(messages)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word.Value);
        }
    }

    /// <summary>Puts the prompt's numbers into <paramref name="reply"/>; reports whether every named passage was there.</summary>
    public string Resolve(string reply, string prompt, out bool found)
    {
        var blocks = Block().Matches(prompt).Select(m => (Number: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        var all = true;
        var text = Placeholder().Replace(reply, m =>
        {
            var start = passageStart(m.Groups[2].Value);
            var at = start is null ? -1 : blocks.FindIndex(b => Squash(b.Text).Contains(start, StringComparison.Ordinal));
            if (at < 0)
            {
                all = false;
                return "[1]";
            }

            if (m.Groups[1].Value == "S")
            {
                return $"[{blocks[at].Number}]";
            }

            var other = blocks.FirstOrDefault(b => b.Number != blocks[at].Number);
            return other.Number is null ? $"[{blocks[at].Number}]" : $"[{other.Number}]";
        });
        found = all;
        return text;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>Whitespace removed, for finding a passage's start inside a prompt block.</summary>
    public static string Squash(string text) => Space().Replace(text, "");

    private string Resolve(IEnumerable<ChatMessage> messages)
    {
        LastPrompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var text = Resolve(Reply, LastPrompt, out var found);
        TargetsInPrompt = found;
        return text;
    }

    [GeneratedRegex(@"\{\{([SO]):([^}]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\[(\d+)\] [^\n]*\n(.*?)(?=^\[\d+\] |\z|^Question:|^问题：)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
