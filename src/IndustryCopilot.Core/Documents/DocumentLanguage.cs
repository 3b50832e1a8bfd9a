namespace IndustryCopilot.Core.Documents;

/// <summary>Dominant language of a document, judged from its characters.</summary>
public enum DocumentLanguage
{
    /// <summary>No letters to judge from (e.g. a scan without a text layer).</summary>
    Unknown,

    /// <summary>Chinese: at least 60% of the letters are CJK ideographs.</summary>
    Zh,

    /// <summary>English: fewer than 5% of the letters are CJK ideographs.</summary>
    En,

    /// <summary>Anything in between.</summary>
    Mixed,
}
