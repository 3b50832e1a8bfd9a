namespace IndustryCopilot.Core.Index;

/// <summary>Where the search lanes run (<c>Index:Provider</c>).</summary>
public enum IndexProvider
{
    /// <summary>In this process, over the SQLite index in the data directory. The single-machine default.</summary>
    Embedded,

    /// <summary>In a Qdrant server or cluster (<c>Qdrant:*</c> settings); the SQLite catalog stays in the data directory.</summary>
    Qdrant,
}
