namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>Where a translated word's renderings came from.</summary>
public enum TranslationOrigin
{
    /// <summary>The plant's or the shipped industrial glossary.</summary>
    Glossary,

    /// <summary>The general dictionary (CC-CEDICT).</summary>
    Dictionary,

    /// <summary>The configured language model's translation of the whole question.</summary>
    Model,

    /// <summary>Kept as written: codes, numbers and Latin words mean the same in both languages.</summary>
    Kept,
}
