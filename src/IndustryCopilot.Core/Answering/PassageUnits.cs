using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Translation;

namespace IndustryCopilot.Core.Answering;

/// <summary>
/// The quotable units of a question's evidence passages, cut (and their terms segmented) once per question and shared by
/// the answerability signals and whichever outcome is then composed.
/// </summary>
/// <remarks>
/// With a <paramref name="translation"/> (a passage in the catalog's other language), each unit's terms also hold the
/// question's key terms whose translation the unit holds, so that coverage, the gate and the choice of quotes judge an
/// English sentence against a Chinese question (and back) as they judge one in the question's language.
/// </remarks>
internal sealed class PassageUnits(QueryTranslation? translation = null)
{
    private readonly Dictionary<string, List<QuoteUnit>> _units = new(StringComparer.Ordinal);

    /// <summary>The units of <paramref name="hit"/>, numbered as the passage at <paramref name="rank"/> of the caller's list.</summary>
    public List<QuoteUnit> Of(RetrievedChunk hit, int rank)
    {
        if (!_units.TryGetValue(hit.Chunk.Id, out var units))
        {
            units = QuoteUnits.Of(0, hit.Chunk.Text, hit.Chunk.Kind == ChunkKind.Table);
            if (translation is not null)
            {
                units = units.ConvertAll(u => u with { Terms = EvidenceJudge.WithTranslation(u.Terms, translation) });
            }

            _units[hit.Chunk.Id] = units;
        }

        return units.ConvertAll(u => u with { HitRank = rank });
    }
}
