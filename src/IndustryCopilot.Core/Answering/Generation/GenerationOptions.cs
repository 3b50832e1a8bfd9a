using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>Generated answers: scheduling, budgets and verification (configuration section <c>Llm</c>).</summary>
public sealed class GenerationOptions : IValidatedOptions
{
    public const string Section = "Llm";

    /// <summary>Requests generating at the same time; each holds its own model context (KV cache). Default 1.</summary>
    public int MaxParallel { get; set; } = 1;

    /// <summary>Requests allowed to wait for a slot; beyond it a request is told the model is busy. Default 8.</summary>
    public int MaxQueue { get; set; } = 8;

    /// <summary>Longest a request may wait and generate, in seconds. Default 120.</summary>
    public int RequestTimeoutSeconds { get; set; } = 120;

    /// <summary>Most tokens in a generated answer; reserved out of the context window. Default 512.</summary>
    public int MaxAnswerTokens { get; set; } = 512;

    /// <summary>Most tokens of the rewritten follow-up question. Default 96.</summary>
    public int MaxCondensedTokens { get; set; } = 96;

    /// <summary>Sampling temperature; low, since answers restate the sources. Default 0.1.</summary>
    public float Temperature { get; set; } = 0.1f;

    /// <summary>Sampling seed, for reproducible answers; 0 = random. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>What happens to a sentence that fails verification. Default <see cref="UnsupportedSentenceHandling.Remove"/>.</summary>
    public UnsupportedSentenceHandling UnsupportedSentences { get; set; } = UnsupportedSentenceHandling.Remove;

    /// <summary>Earlier turns of a conversation used to rewrite a follow-up question. Default 6.</summary>
    public int ConversationTurns { get; set; } = 6;

    /// <summary>Minutes after its last turn that a conversation is forgotten. Default 30.</summary>
    public int ConversationIdleMinutes { get; set; } = 30;

    /// <summary>Conversations remembered at once; the least recently used go first. Default 10000.</summary>
    public int MaxConversations { get; set; } = 10_000;

    public IEnumerable<string> Problems()
    {
        if (MaxParallel is < 1 or > 64 || MaxQueue is < 0 or > 10_000)
        {
            yield return $"{Section}: MaxParallel must be 1–64 and MaxQueue 0–10000";
        }

        if (RequestTimeoutSeconds is < 1 or > 3600 || MaxAnswerTokens is < 1 or > 32_768 || MaxCondensedTokens is < 8 or > 1024)
        {
            yield return $"{Section}: RequestTimeoutSeconds 1–3600, MaxAnswerTokens 1–32768, MaxCondensedTokens 8–1024 are required";
        }

        if (Temperature is < 0 or > 2 || ConversationTurns is < 0 or > 50 || ConversationIdleMinutes < 1 || MaxConversations < 1)
        {
            yield return $"{Section}: Temperature 0–2, ConversationTurns 0–50, ConversationIdleMinutes ≥ 1, MaxConversations ≥ 1 are required";
        }
    }
}
