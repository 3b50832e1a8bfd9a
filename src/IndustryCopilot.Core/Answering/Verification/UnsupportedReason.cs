namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>Why a generated sentence failed verification.</summary>
public enum UnsupportedReason
{
    /// <summary>It states a fact but cites no existing source.</summary>
    NoCitation,

    /// <summary>A number (with its unit) in it occurs in none of the sources it cites.</summary>
    NumberNotInSources,

    /// <summary>A value, code or size of it sits in the cited source, but not in the sentence, step or row its claim rests on (a neighbouring row's torque, another step's interval).</summary>
    NotInAlignedUnit,

    /// <summary>No sentence, step or row of the cited sources covers what it says.</summary>
    NotCovered,

    /// <summary>It says the opposite of the unit it rests on: does what that forbids, or waives what it requires. Always removed.</summary>
    Contradicted,

    /// <summary>It drops the condition its unit imposes ("only after …", 只有…才). Always removed.</summary>
    DroppedCondition,
}
