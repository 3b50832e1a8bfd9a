namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>Generated text after verification: renumbered [n] markers, their citations, and the report.</summary>
public sealed record VerifiedAnswer(string Text, IReadOnlyList<Citation> Citations, VerificationReport Report)
{
    /// <summary>False when no cited statement survived (or the model said the sources do not answer): the answer becomes a refusal.</summary>
    public bool HasSupportedClaims => Citations.Count > 0;
}
