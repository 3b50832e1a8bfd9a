using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// The quotable units of a question's evidence passages, cut (and their terms segmented) once per question and shared by
/// the answerability signals and whichever outcome is then composed.
/// </summary>
internal sealed class PassageUnits
{
    private readonly Dictionary<string, List<QuoteUnit>> _units = new(StringComparer.Ordinal);

    /// <summary>The units of <paramref name="hit"/>, numbered as the passage at <paramref name="rank"/> of the caller's list.</summary>
    public List<QuoteUnit> Of(RetrievedChunk hit, int rank)
    {
        if (!_units.TryGetValue(hit.Chunk.Id, out var units))
        {
            _units[hit.Chunk.Id] = units = QuoteUnits.Of(0, hit.Chunk.Text, hit.Chunk.Kind == ChunkKind.Table);
        }

        return units.ConvertAll(u => u with { HitRank = rank });
    }
}
