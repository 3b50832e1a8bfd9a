using IndustryCopilot.Core.Ingestion.Chunking;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>
/// Groups plain lines into blocks: a blank line ends a paragraph, and a line that starts with a clause or item
/// label starts a new one, so "第五条 …" or "3. Close valve V-12" never hides inside the previous paragraph.
/// </summary>
internal static class LineParagraphs
{
    public static List<Block> Build(IEnumerable<string> lines, int? page)
    {
        var blocks = new List<Block>();
        var current = "";
        var currentIsItem = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                blocks.Add(new Block(currentIsItem ? BlockKind.ListItem : BlockKind.Paragraph, current, page));
            }

            current = "";
            currentIsItem = false;
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var label = ClauseParser.Parse(line);
            if (label is not null)
            {
                Flush();
                currentIsItem = label.Kind == ClauseKind.Item;
                current = line;
                continue;
            }

            current = CjkText.JoinLines(current, line);
        }

        Flush();
        return blocks;
    }
}
