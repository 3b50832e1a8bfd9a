namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// What citation verification did to a generated answer: sentences checked and kept, [n] markers dropped because no
/// source n was given, and sentences found unsupported (removed or flagged). <see cref="ModelText"/> is the model's
/// text before any of this, for the audit trail.
/// </summary>
public sealed record VerificationReport
{
    public int SentencesChecked { get; init; }

    public int SentencesKept { get; init; }

    /// <summary>Source numbers the model cited that were not among the sources it was given.</summary>
    public IReadOnlyList<int> DroppedMarkers { get; init; } = [];

    public IReadOnlyList<UnsupportedSentence> Unsupported { get; init; } = [];

    /// <summary>Claims cited to the wrong source and re-cited to the one in the prompt that supports them.</summary>
    public IReadOnlyList<RepairedCitation> Repaired { get; init; } = [];

    public string ModelText { get; init; } = "";

    /// <summary>True when nothing was dropped, removed or flagged.</summary>
    public bool Clean => DroppedMarkers.Count == 0 && Unsupported.Count == 0;
}
