using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>The best k (row, score) pairs seen, kept in a min-heap of size k: O(n log k) over n candidates.</summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, float> _heap = new(k + 1);

    public void Offer(int row, float score)
    {
        if (_heap.Count < k)
        {
            _heap.Enqueue(row, score);
        }
        else if (_heap.TryPeek(out _, out var worst) && score > worst)
        {
            _heap.DequeueEnqueue(row, score);
        }
    }

    /// <summary>Best first, each row mapped to its chunk row id. Empties the heap.</summary>
    public ChunkScore[] Drain(long[] rowIds)
    {
        var result = new ChunkScore[_heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out var row, out var score);
            result[i] = new ChunkScore(rowIds[row], score);
        }

        return result;
    }
}
