using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>
/// The best k (row, score) pairs seen, kept in a min-heap of size k: O(n log k) over n candidates. Equal scores rank
/// by row (the lower first), so the outcome depends only on the rows' order, never on the heap's history: two
/// replicas holding the same catalog rank ties alike.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, (float Score, int Row)> _heap = new(k + 1, WorstFirst.Instance);

    public void Offer(int row, float score)
    {
        if (_heap.Count < k)
        {
            _heap.Enqueue(row, (score, row));
        }
        else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, row), worst) > 0)
        {
            _heap.DequeueEnqueue(row, (score, row));
        }
    }

    /// <summary>Best first, each row mapped to its chunk row id. Empties the heap.</summary>
    public ChunkScore[] Drain(long[] rowIds)
    {
        var result = new ChunkScore[_heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out var row, out var priority);
            result[i] = new ChunkScore(rowIds[row], priority.Score);
        }

        return result;
    }

    // Lower score is worse; at equal scores the higher row is worse.
    private sealed class WorstFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
