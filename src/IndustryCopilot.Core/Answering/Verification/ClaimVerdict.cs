namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>The unit a claim was aligned with (null when none supports it) and, when it fails, why.</summary>
internal sealed record ClaimVerdict(EvidenceUnit? Unit, UnsupportedReason? Problem, string Detail)
{
    public bool Supported => Problem is null;
}
