namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Moves a caption paragraph ("表1 …", "Table 2 …") that stands right before a table onto the table.</summary>
internal static class TableCaption
{
    public static string? TakeFrom(List<Block> blocks)
    {
        if (blocks.Count == 0 || blocks[^1] is not { Kind: BlockKind.Paragraph } previous || !LooksLikeCaption(previous.Text))
        {
            return null;
        }

        blocks.RemoveAt(blocks.Count - 1);
        return previous.Text;
    }

    private static bool LooksLikeCaption(string text) =>
        text.Length < 80 && (text.StartsWith('表') || text.StartsWith("Table", StringComparison.OrdinalIgnoreCase));
}
