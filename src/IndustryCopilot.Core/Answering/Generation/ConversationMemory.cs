using System.Collections.Concurrent;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// Recent turns per conversation id (a chat session, a bot user), so "and for M16?" can be rewritten into a standalone
/// question. In memory only: bounded in turns per conversation, idle time and number of conversations.
/// </summary>
public sealed class ConversationMemory(GenerationOptions options, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public int Count => _conversations.Count;

    /// <summary>The remembered turns, oldest first; empty for an unknown or expired conversation.</summary>
    public IReadOnlyList<ConversationTurn> History(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return [];
        }

        lock (conversation)
        {
            if (_time.GetUtcNow() - conversation.LastUsed > TimeSpan.FromMinutes(options.ConversationIdleMinutes))
            {
                _conversations.TryRemove(conversationId, out _);
                return [];
            }

            return [.. conversation.Turns];
        }
    }

    public void Add(string conversationId, ConversationTurn turn)
    {
        if (options.ConversationTurns == 0)
        {
            return;
        }

        var conversation = _conversations.GetOrAdd(conversationId, _ => new Conversation());
        lock (conversation)
        {
            conversation.Turns.Add(turn);
            if (conversation.Turns.Count > options.ConversationTurns)
            {
                conversation.Turns.RemoveRange(0, conversation.Turns.Count - options.ConversationTurns);
            }

            conversation.LastUsed = _time.GetUtcNow();
        }

        if (_conversations.Count > options.MaxConversations)
        {
            Evict();
        }
    }

    /// <summary>Forgets a conversation (a user's "/new").</summary>
    public void Forget(string conversationId) => _conversations.TryRemove(conversationId, out _);

    private void Evict()
    {
        var now = _time.GetUtcNow();
        var idle = TimeSpan.FromMinutes(options.ConversationIdleMinutes);
        var byAge = _conversations.OrderBy(c => c.Value.LastUsed).ToList();
        var excess = _conversations.Count - options.MaxConversations;
        foreach (var (id, conversation) in byAge)
        {
            if (excess <= 0 && now - conversation.LastUsed <= idle)
            {
                break;
            }

            if (_conversations.TryRemove(id, out _))
            {
                excess--;
            }
        }
    }

    private sealed class Conversation
    {
        public List<ConversationTurn> Turns { get; } = [];

        public DateTimeOffset LastUsed { get; set; }
    }
}
