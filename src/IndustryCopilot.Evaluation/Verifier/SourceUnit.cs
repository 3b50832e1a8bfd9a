using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>A sentence, step or table row of an indexed passage the benchmark writes answers about; a row keeps its cells and the table's header cells.</summary>
internal sealed record SourceUnit(DocumentInfo Document, Chunk Chunk, string Text, IReadOnlyList<string>? Cells, IReadOnlyList<string>? Header)
{
    public bool Chinese => Document.Language is DocumentLanguage.Zh or DocumentLanguage.Mixed;

    public static IEnumerable<SourceUnit> Of(DocumentInfo document, Chunk chunk)
    {
        if (chunk.Kind == ChunkKind.Table)
        {
            var lines = chunk.Text.Split('\n').Where(l => l.StartsWith('|')).ToList();
            if (lines.Count < 3)
            {
                yield break;
            }

            var header = SplitCells(lines[0]);
            foreach (var row in lines.Skip(2))
            {
                var cells = SplitCells(row);
                if (cells.Count == header.Count)
                {
                    yield return new SourceUnit(document, chunk, row, cells, header);
                }
            }

            yield break;
        }

        foreach (var sentence in Core.Ingestion.Chunking.SentenceSplitter.Split(chunk.Text))
        {
            var text = sentence.Trim();
            if (text.Length is >= 12 and <= 240 && !text.StartsWith('|') && !text.StartsWith('#'))
            {
                yield return new SourceUnit(document, chunk, text, null, null);
            }
        }
    }

    private static List<string> SplitCells(string row) => [.. row.Trim().Trim('|').Split('|').Select(c => c.Trim())];
}
