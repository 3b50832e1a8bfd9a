namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Kinds of structural block a reader emits.</summary>
public enum BlockKind
{
    /// <summary>A heading known from the format (Markdown #, Word heading style, larger PDF font).</summary>
    Heading,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>An item of a numbered or bulleted list; its text starts with its number when it has one.</summary>
    ListItem,

    /// <summary>A table with a header row.</summary>
    Table,
}
