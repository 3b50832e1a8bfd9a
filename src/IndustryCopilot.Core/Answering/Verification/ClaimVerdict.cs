namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>The unit a claim was aligned with (null when none supports it), how much of the claim it covers, and, when it fails, why.</summary>
internal sealed record ClaimVerdict(EvidenceUnit? Unit, UnsupportedReason? Problem, string Detail, double Coverage = 0)
{
    public bool Supported => Problem is null;
}
