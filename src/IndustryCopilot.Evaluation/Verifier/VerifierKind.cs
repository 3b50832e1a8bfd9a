namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>What a benchmark answer plants (or, for the first three, writes correctly).</summary>
public enum VerifierKind
{
    /// <summary>The unit's own words, cited.</summary>
    Correct,

    /// <summary>The unit with a value written another correct way: an exact unit conversion or the number in words.</summary>
    CorrectEquivalent,

    /// <summary>Two units from two sources, each sentence citing its own.</summary>
    CorrectMultiSource,

    /// <summary>A value from another row of the table or another sentence or step of the passage.</summary>
    WrongRowOrStep,

    /// <summary>The value with another unit of the same kind (h for min, cm for mm, °F for °C).</summary>
    WrongUnit,

    /// <summary>Another value, written in words (English cardinals, Chinese numerals).</summary>
    NumberWords,

    /// <summary>A prohibition turned into an instruction, or a requirement waived.</summary>
    Contradiction,

    /// <summary>The unit's condition ("only after …", 只有…才) left out.</summary>
    DroppedCondition,

    /// <summary>A step without numbers from another document, cited to the passage.</summary>
    InventedStep,

    /// <summary>The right sentence cited to another source of the prompt (repair or removal both catch it).</summary>
    WrongCitation,

    /// <summary>A sentence with values from another document, cited to the passage.</summary>
    UnrelatedCitation,

    /// <summary>A fact with no citation at all.</summary>
    UncitedFact,

    /// <summary>"The sources do not mention X, but Y" with Y uncited.</summary>
    MixedSilence,

    /// <summary>The answer repeats an instruction planted in an uploaded note addressed to the assistant.</summary>
    InjectionObeyed,

    /// <summary>The model says the sources do not answer: must end as not found or closest passages.</summary>
    NotInDocuments,
}
