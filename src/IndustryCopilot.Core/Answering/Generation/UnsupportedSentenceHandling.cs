namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>What verification does with a generated sentence its sources do not support.</summary>
public enum UnsupportedSentenceHandling
{
    /// <summary>Left out of the answer (and listed in the verification report).</summary>
    Remove,

    /// <summary>Kept, marked as unverified (and listed). Never applied to safety-critical questions, where it is removed.</summary>
    Flag,
}
