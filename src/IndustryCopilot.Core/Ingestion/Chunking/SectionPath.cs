namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>
/// The stack of headings above the current position. Levels: format headings 1–9, Chinese divisions 11–13
/// (编/章/节 written as plain paragraphs), title-like items 15, numbered clause titles 20 + depth.
/// </summary>
internal sealed class SectionPath
{
    private readonly List<Entry> _entries = [];

    public void Push(int level, string text, ClauseLabel? clause)
    {
        _entries.RemoveAll(e => e.Level >= level);
        if (clause?.Kind is ClauseKind.Numbered or ClauseKind.Annex)
        {
            PopUnrelatedClauses(clause.Label);
        }

        _entries.Add(new Entry(level, text, clause));
    }

    /// <summary>Before a numbered clause, drops clause headings that are not its ancestors ("5.3" stays for "5.3.2", "5.4" goes).</summary>
    public void PopUnrelatedClauses(string label) =>
        _entries.RemoveAll(e => e.Clause?.Kind is ClauseKind.Numbered or ClauseKind.Annex
            && !label.StartsWith(e.Clause.Label + ".", StringComparison.Ordinal));

    /// <summary>Deepest clause label on the stack, if any.</summary>
    public string? DeepestClause => _entries.LastOrDefault(e => e.Clause is not null)?.Clause?.Label;

    public string Render(string? unitLabel)
    {
        var parts = _entries.Select(e => e.Text).ToList();
        if (unitLabel is not null)
        {
            parts.Add(unitLabel);
        }

        return string.Join(" > ", parts);
    }

    private sealed record Entry(int Level, string Text, ClauseLabel? Clause);
}
