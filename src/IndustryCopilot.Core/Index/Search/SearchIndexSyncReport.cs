namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// What a <see cref="SearchIndexSync"/> run did: documents pushed, already up to date, removed; points written;
/// failures by document; whether the result was published (the alias moved, where there is one).
/// </summary>
public sealed record SearchIndexSyncReport(int Pushed, int Unchanged, int Removed, int Points, IReadOnlyList<(string DocumentId, string Error)> Failed, bool Published)
{
    /// <summary>Documents the catalog has not finished embedding with the index's model yet (publishing waits for them).</summary>
    public int AwaitingVectors { get; init; }
}
