namespace IndustryCopilot.Hosting.Conversations;

/// <summary>What every conversation store does the same way: titles and how much history a follow-up gets.</summary>
public static class ConversationText
{
    /// <summary>Longest title kept, in characters (the first question, cut).</summary>
    public const int MaxTitle = 80;

    /// <summary>Turns given to the model as history for a follow-up (the most recent).</summary>
    public const int HistoryTurns = 6;

    /// <summary>A title from a question or a rename: one line, at most <see cref="MaxTitle"/> characters.</summary>
    public static string Title(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxTitle ? line : line[..(MaxTitle - 1)] + "…";
    }
}
