using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Core.Retrieval.Fusion;

/// <summary>
/// Rankings of one kind over different parts (a question's sub-questions, the documents it names) merged by taking
/// turns: the first of each, then the second of each, and so on, each chunk once, so that no part crowds out the
/// others. The merged scores are k, k−1, … — rank order is what fusion reads.
/// </summary>
public static class TakingTurns
{
    public static List<ChunkScore> Merge(IReadOnlyList<IReadOnlyList<ChunkScore>> rankings, int k)
    {
        var seen = new HashSet<long>();
        var result = new List<ChunkScore>();
        for (var rank = 0; result.Count < k && rankings.Any(r => rank < r.Count); rank++)
        {
            foreach (var ranking in rankings)
            {
                if (result.Count < k && rank < ranking.Count && seen.Add(ranking[rank].RowId))
                {
                    result.Add(new ChunkScore(ranking[rank].RowId, k - result.Count));
                }
            }
        }

        return result;
    }
}
