namespace IndustryCopilot.Hosting.Store;

/// <summary>What <see cref="SqliteToPostgres"/> found and copied, per kind of record (read, written; the rest were there already).</summary>
public sealed record StoreMigration((int Read, int Written) Keys, (int Read, int Written) Answers, (int Read, int Written) Feedback, (int Read, int Written) Actions)
{
    /// <summary>People's conversations (their titles and times).</summary>
    public (int Read, int Written) Conversations { get; init; }

    /// <summary>The conversations' turns.</summary>
    public (int Read, int Written) Turns { get; init; }
}
