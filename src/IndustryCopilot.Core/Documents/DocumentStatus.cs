namespace IndustryCopilot.Core.Documents;

/// <summary>Revision status of an indexed document.</summary>
public enum DocumentStatus
{
    /// <summary>The newest indexed revision of its document number (or a document without a number).</summary>
    Current,

    /// <summary>A newer revision with the same document number is indexed; excluded from retrieval unless asked for.</summary>
    Superseded,
}
