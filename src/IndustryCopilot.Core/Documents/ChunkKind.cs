namespace IndustryCopilot.Core.Documents;

/// <summary>What a chunk holds.</summary>
public enum ChunkKind
{
    /// <summary>Running text of one clause, article or section (or a part of a long one).</summary>
    Text,

    /// <summary>A sequence of numbered procedure steps kept together.</summary>
    Procedure,

    /// <summary>Rows of a table, always preceded by the table's header row.</summary>
    Table,
}
