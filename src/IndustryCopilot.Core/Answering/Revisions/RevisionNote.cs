namespace IndustryCopilot.Core.Answering.Revisions;

/// <summary>
/// Set when a question names a revision other than the one the answer cites ("Rev B 里是多少分钟？"): the answer stays on
/// the current revision, and this says so — what the named revision said, and since when it is superseded — or that the
/// catalog holds no such revision.
/// </summary>
/// <param name="Named">The revision the question names, bare (<c>B</c>).</param>
/// <param name="DocumentNumber">The document it belongs to.</param>
/// <param name="Current">The revision the answer cites, bare (<c>C</c>).</param>
/// <param name="CurrentEffective">When the current revision took effect, if known: the day the named one was superseded.</param>
/// <param name="Text">The note in the question's language.</param>
public sealed record RevisionNote(string Named, string DocumentNumber, string? Current, DateOnly? CurrentEffective, string Text)
{
    /// <summary>The named revision's document, when the catalog holds it (superseded).</summary>
    public string? DocumentId { get; init; }

    /// <summary>The named revision's passage matching the answer, for the sources pane.</summary>
    public string? ChunkId { get; init; }

    /// <summary>That passage's words, verbatim.</summary>
    public string? Quote { get; init; }
}
