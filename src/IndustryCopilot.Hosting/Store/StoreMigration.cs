namespace IndustryCopilot.Hosting.Store;

/// <summary>What <see cref="SqliteToPostgres"/> found and copied, per kind of record (read, written; the rest were there already).</summary>
public sealed record StoreMigration((int Read, int Written) Keys, (int Read, int Written) Answers, (int Read, int Written) Feedback, (int Read, int Written) Actions);
