using IndustryCopilot.Core.Answering.Generation;

namespace IndustryCopilot.Hosting.Conversations;

/// <summary>
/// People's conversations: each belongs to one owner (a person's subject or a key's id) and every read, rename and
/// delete is limited to that owner, so nobody else ever sees it. Follow-up questions read their history from here, so
/// they continue after a restart — and, with <see cref="PostgresConversationStore"/>, on another replica.
/// </summary>
public interface IConversationStore : IDisposable
{
    /// <summary>Adds a question and its answer (<paramref name="response"/>: the answer as the API returned it, JSON) to the owner's conversation, creating it titled after the first question.</summary>
    Task AppendAsync(string owner, string id, string question, string answer, string response, CancellationToken cancellationToken = default);

    /// <summary>The owner's conversations, most recently used first.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>The owner's conversation with its turns in order, or null (also when it is someone else's).</summary>
    Task<Conversation?> GetAsync(string owner, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last <see cref="ConversationText.HistoryTurns"/> turns of the owner's conversation, as follow-up history
    /// (empty when there is none). Turns whose stored response <paramref name="mayUse"/> refuses (it reveals a document
    /// the owner may no longer see) are left out.
    /// </summary>
    Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string owner, string id, Func<string, bool>? mayUse = null, CancellationToken cancellationToken = default);

    Task<bool> RenameAsync(string owner, string id, string title, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken = default);
}
