namespace IndustryCopilot.Core.Ingestion;

/// <summary>What happened to one file in an indexing run.</summary>
public enum FileOutcomeKind
{
    /// <summary>New or changed: read, chunked and stored.</summary>
    Indexed,

    /// <summary>Same content hash and pipeline version as indexed: nothing done beyond the hash.</summary>
    Unchanged,

    /// <summary>Could not be read; the error says why. The index keeps whatever it had for this file.</summary>
    Failed,
}
