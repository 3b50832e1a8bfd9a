namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>Why a generated sentence failed verification.</summary>
public enum UnsupportedReason
{
    /// <summary>It states a fact but cites no existing source.</summary>
    NoCitation,

    /// <summary>A number (with its unit) in it occurs in none of the sources it cites.</summary>
    NumberNotInSources,
}
