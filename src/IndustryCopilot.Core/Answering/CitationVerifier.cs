using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Answering;

/// <summary>Checks that every citation quotes its chunk verbatim and that every [n] in the text has a citation.</summary>
public static class CitationVerifier
{
    /// <summary>Problems found, empty when the answer is valid.</summary>
    public static IReadOnlyList<string> Problems(Answer answer, Func<string, Chunk?> chunkById)
    {
        var problems = new List<string>();
        foreach (var citation in answer.Citations)
        {
            var chunk = chunkById(citation.ChunkId);
            if (chunk is null)
            {
                problems.Add($"[{citation.Number}] cites missing chunk {citation.ChunkId}");
            }
            else if (citation.Quote.Length == 0 || !chunk.Text.Contains(citation.Quote, StringComparison.Ordinal))
            {
                problems.Add($"[{citation.Number}] quote does not occur in chunk {citation.ChunkId}");
            }

            if (!answer.Text.Contains($"[{citation.Number}]", StringComparison.Ordinal))
            {
                problems.Add($"[{citation.Number}] is never referenced in the answer text");
            }
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(answer.Text, @"\[(\d+)\]"))
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (answer.Citations.All(c => c.Number != n))
            {
                problems.Add($"[{n}] in the text has no citation");
            }
        }

        return problems;
    }
}
